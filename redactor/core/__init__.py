"""The Qt-free core: everything a user can do in the app, without a screen."""
