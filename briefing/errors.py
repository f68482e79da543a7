"""Errors a user can cause. The CLI prints their message as one line and exits non-zero."""


class BriefingError(Exception):
    """A problem the user can understand and fix; the message is the whole story."""

    exit_code = 1


class InputError(BriefingError):
    """The input could not be read as an article."""

    exit_code = 2


class VoiceError(BriefingError):
    """The voice or engine could not speak."""

    exit_code = 3


class NetworkError(BriefingError):
    """A network resource the user asked for could not be reached."""

    exit_code = 4
