from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = (
        "Run the background worker: executes queued tasks (document exports, e-mails) "
        "from the database queue. `remit serve` starts one; run more for more throughput."
    )
