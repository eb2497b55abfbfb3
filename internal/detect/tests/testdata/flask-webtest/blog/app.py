from flask import Flask

from blog.extensions import db


def create_app(config_object):
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)
    from blog import views
    app.register_blueprint(views.blueprint)
    return app
