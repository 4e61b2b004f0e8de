// SPDX-License-Identifier: GPL-3.0-or-later
// Another program holding the history: opens the SQLite file given as argument, takes an
// exclusive lock, prints "locked" and keeps it until its standard input closes.
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
    db.setDatabaseName(QString::fromLocal8Bit(argv[1]));
    if (!db.open())
        return 3;
    QSqlQuery query(db);
    for (const QString &sql : {u"PRAGMA locking_mode = EXCLUSIVE"_s, u"BEGIN EXCLUSIVE"_s,
                               u"CREATE TABLE IF NOT EXISTS held_by_another_program (x)"_s}) {
        if (!query.exec(sql)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(query.lastError().text()));
            return 4;
        }
    }
    std::printf("locked\n");
    std::fflush(stdout);
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        (void)in.readAll(); // until the test closes the pipe
    return 0;
}
