"""Runbox's Matplotlib backend: Agg, and plt.show() saves every open figure as a PNG in
/box/out (what the playground shows under the output). Selected by MPLBACKEND; there is no
display in a sandbox, so beginners' usual `plt.show()` just works."""

import os

from matplotlib import _pylab_helpers
from matplotlib.backend_bases import _Backend
from matplotlib.backends.backend_agg import _BackendAgg

OUT = "/box/out"
_saved = 0


@_Backend.export
class _BackendRunbox(_BackendAgg):
    @staticmethod
    def show(*args, **kwargs):
        global _saved
        managers = _pylab_helpers.Gcf.get_all_fig_managers()
        if not managers:
            return
        os.makedirs(OUT, exist_ok=True)
        for manager in managers:
            _saved += 1
            manager.canvas.figure.savefig(os.path.join(OUT, f"figure-{_saved}.png"))
        _pylab_helpers.Gcf.destroy_all()
