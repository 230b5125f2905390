#pragma once

#include <QStringList>

namespace st {

struct NowSnapshot;

// EntryFilter::projectIds for the clients and projects ticked in a filter (empty: all). "" among
// clientIds stands for the projects without a client and the entries without a project; "" among
// projectIds for the entries without a project. With both, an entry must pass both. Empty when
// nothing narrows; a list that matches no entry when nothing can pass.
QStringList projectFilterIds(const NowSnapshot &snapshot, const QStringList &clientIds,
                             const QStringList &projectIds);

} // namespace st
