from flask import Flask

from shop import commands


def create_app():
    app = Flask(__name__)
    app.cli.add_command(commands.test)
    return app
