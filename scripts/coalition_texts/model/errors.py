"""The one error type the pipeline raises for bad input: a message for a person, not a traceback."""


class SourceError(Exception):
    """Bad input in `sources/`: the message names the file (and line or field) and what to do."""

    def __init__(self, where: str, problem: str, fix: str = ""):
        self.where = where
        self.problem = problem
        self.fix = fix
        message = f"{where}: {problem}"
        if fix:
            message += f" {fix}"
        super().__init__(message)


def relative_message(error: SourceError, root) -> str:
    """The message with paths shown relative to the project folder, as a reader would type them."""
    return str(error).replace(f"{root}/", "")
