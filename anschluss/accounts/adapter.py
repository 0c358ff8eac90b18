from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: staff are invited, students join with their class code."""

    def is_open_for_signup(self, request) -> bool:
        return False
