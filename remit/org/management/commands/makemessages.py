from django.core.management.commands.makemessages import Command as DjangoMakeMessages


class Command(DjangoMakeMessages):
    # The pure packages mark strings with N_ (an alias of gettext_noop) because they
    # cannot import Django; teach xgettext that keyword too.
    xgettext_options = [*DjangoMakeMessages.xgettext_options, "--keyword=N_"]
