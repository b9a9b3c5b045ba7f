from django.contrib.staticfiles.apps import StaticFilesConfig


class RemitStaticFilesConfig(StaticFilesConfig):
    """Static files without django-ninja's ReDoc bundle, which Remit does not serve
    (its API docs page is Swagger UI); compressing it slowed every collectstatic."""

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "redoc.standalone.js*"]
