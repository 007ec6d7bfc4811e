"""The one error type users see: it names the file and, where known, the line or field."""


class InputError(Exception):
    """Bad input: carries the file and the line, field or byte where the problem is."""

    def __init__(self, path, message, line=None, field=None):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path
        if line is not None:
            where += f":{line}"
        if field is not None:
            where += f" [{field}]"
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # survives the trip back from a worker process
        return (InputError, (self.path, self.message, self.line, self.field))
