#pragma once

#include <QString>
#include <QWidget>

namespace st::test {

// The widget of that object name inside parent; the test stops when there is none (as tests find
// widgets by name, not through accessors added for them).
template <class W> W *child(QWidget &parent, const char *name)
{
    W *w = parent.findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no %s", name);
    return w;
}

} // namespace st::test
