from flask import Flask

from conduit import articles, user
from conduit.extensions import db, jwt


def create_app(config_object):
    app = Flask(__name__.split('.')[0])
    app.url_map.strict_slashes = False
    app.config.from_object(config_object)
    db.init_app(app)
    jwt.init_app(app)
    app.register_blueprint(user.views.blueprint)
    app.register_blueprint(articles.views.blueprint)
    return app
