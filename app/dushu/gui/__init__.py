"""The desktop app (the only package that imports PySide6): start it with dushu.gui.app.run()."""
