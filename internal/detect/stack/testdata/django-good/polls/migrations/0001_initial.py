from django.db import migrations, models
