#include "IdleTime.h"

#include <QGuiApplication>

#if defined(STUDIOTIMER_HAVE_XSS) && QT_CONFIG(xcb)
#include <QtGui/qguiapplication_platform.h>

#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#define STUDIOTIMER_IDLE_X11 1
#endif

namespace st::idletime {

std::optional<qint64> idleMs()
{
#ifdef STUDIOTIMER_IDLE_X11
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    Display *display = x11 ? x11->display() : nullptr;
    if (!display)
        return std::nullopt;
    int eventBase = 0;
    int errorBase = 0;
    if (!XScreenSaverQueryExtension(display, &eventBase, &errorBase))
        return std::nullopt;
    XScreenSaverInfo *info = XScreenSaverAllocInfo();
    if (!info)
        return std::nullopt;
    std::optional<qint64> result;
    if (XScreenSaverQueryInfo(display, DefaultRootWindow(display), info))
        result = static_cast<qint64>(info->idle);
    XFree(info);
    return result;
#else
    return std::nullopt;
#endif
}

bool available()
{
    return idleMs().has_value();
}

} // namespace st::idletime
