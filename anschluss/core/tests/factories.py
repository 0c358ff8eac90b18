import factory

from anschluss.core.models import Company, District, Municipality, Organisation, School


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"stadt-{n}")
    name = factory.Sequence(lambda n: f"Stadt {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Bezirk {n}")
    slug = factory.Sequence(lambda n: f"bezirk-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "other"
    name = factory.Sequence(lambda n: f"Organisation {n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "school"
    name = factory.Sequence(lambda n: f"Schule {n}")
    school_number = factory.Sequence(lambda n: f"{900000 + n}")
    school_form = "GE"
    latitude = 51.5
    longitude = 7.4


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "company"
    name = factory.Sequence(lambda n: f"Beispielbetrieb {n}")
    industry = "Handwerk"
    latitude = 51.5
    longitude = 7.4
