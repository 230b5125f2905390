#pragma once

#include "cli/SingleInstance.h"

class QObject;

namespace st {

class Backend;

// Commands handed over to the running desktop app by another `studiotimer` process, run on the
// backend's right thread: read-only ones on the reader, so a `start` never waits behind a
// `report`; changes on the writer, with "now" at the instant the command line asked.
namespace forwarded {

// status, list, task-types, help, report, export, backup and import --dry-run change nothing.
bool isReadOnly(const QStringList &arguments);

// Runs request on backend; reply (on context's thread) unless context is gone.
void run(Backend &backend, const SingleInstance::Request &request, QObject *context,
         SingleInstance::Reply reply);

} // namespace forwarded
} // namespace st
