"""The Qt-free core: models, services and rules."""
