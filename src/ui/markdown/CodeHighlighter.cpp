// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/CodeHighlighter.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Source-highlight's element names, and what they are here. Elements not listed (symbols,
// brackets, plain text) keep the text colour.
struct Element {
    const char *name;
    CodeToken token;
};
constexpr Element kElements[] = {
    {"keyword", CodeToken::Keyword},      {"type", CodeToken::Type},
    {"usertype", CodeToken::Type},        {"classname", CodeToken::Type},
    {"string", CodeToken::String},        {"regexp", CodeToken::String},
    {"specialchar", CodeToken::String},   {"comment", CodeToken::Comment},
    {"todo", CodeToken::Comment},         {"number", CodeToken::Number},
    {"preproc", CodeToken::Preprocessor}, {"difflines", CodeToken::Preprocessor},
    {"function", CodeToken::Function},    {"predef_func", CodeToken::Function},
    {"variable", CodeToken::Variable},    {"predef_var", CodeToken::Variable},
    {"label", CodeToken::Variable},       {"newfile", CodeToken::Added},
    {"oldfile", CodeToken::Removed},
};

// Fence names people write, and the definition each means. Others go through Source-highlight's
// own lang.map (ruby, perl, lua…).
const QHash<QString, QString> &aliases() {
    static const QHash<QString, QString> map = {
        {u"c"_s, u"c.lang"_s},
        {u"h"_s, u"c.lang"_s},
        {u"cpp"_s, u"cpp.lang"_s},
        {u"c++"_s, u"cpp.lang"_s},
        {u"cc"_s, u"cpp.lang"_s},
        {u"cxx"_s, u"cpp.lang"_s},
        {u"hpp"_s, u"cpp.lang"_s},
        {u"python"_s, u"python.lang"_s},
        {u"python3"_s, u"python.lang"_s},
        {u"py"_s, u"python.lang"_s},
        {u"javascript"_s, u"javascript.lang"_s},
        {u"js"_s, u"javascript.lang"_s},
        {u"jsx"_s, u"javascript.lang"_s},
        {u"mjs"_s, u"javascript.lang"_s},
        {u"node"_s, u"javascript.lang"_s},
        {u"typescript"_s, u"typescript.lang"_s},
        {u"ts"_s, u"typescript.lang"_s},
        {u"tsx"_s, u"typescript.lang"_s},
        {u"json"_s, u"json.lang"_s},
        {u"jsonc"_s, u"json.lang"_s},
        {u"sh"_s, u"sh.lang"_s},
        {u"bash"_s, u"sh.lang"_s},
        {u"shell"_s, u"sh.lang"_s},
        {u"zsh"_s, u"zsh.lang"_s},
        {u"sql"_s, u"sql.lang"_s},
        {u"rust"_s, u"rust.lang"_s},
        {u"rs"_s, u"rust.lang"_s},
        {u"go"_s, u"go.lang"_s},
        {u"golang"_s, u"go.lang"_s},
        {u"java"_s, u"java.lang"_s},
        {u"html"_s, u"html.lang"_s},
        {u"htm"_s, u"html.lang"_s},
        {u"xml"_s, u"xml.lang"_s},
        {u"svg"_s, u"xml.lang"_s},
        {u"css"_s, u"css.lang"_s},
        {u"yaml"_s, u"yaml.lang"_s},
        {u"yml"_s, u"yaml.lang"_s},
        {u"markdown"_s, u"markdown.lang"_s},
        {u"md"_s, u"markdown.lang"_s},
        {u"diff"_s, u"diff.lang"_s},
        {u"patch"_s, u"diff.lang"_s},
    };
    return map;
}

// One folder holding Source-highlight's definitions (as links) and ours, so that ours can
// include theirs by name. Made once per process; removed at exit.
struct DefinitionFolder {
    QTemporaryDir dir;
    std::unique_ptr<srchilite::LangMap> langMap;
    bool ok = false;

    DefinitionFolder() {
        if (!dir.isValid())
            return;
        try {
            const QDir system(QString::fromStdString(srchilite::Settings::retrieveDataDir()));
            const QStringList entries = system.entryList(QDir::Files);
            for (const QString &name : entries)
                QFile::link(system.absoluteFilePath(name), dir.filePath(name));
            const QStringList own = QDir(u":/highlight"_s).entryList(QDir::Files);
            for (const QString &name : own) {
                QFile::remove(dir.filePath(name));
                QFile::copy(u":/highlight/"_s + name, dir.filePath(name));
            }
            langMap = std::make_unique<srchilite::LangMap>(dir.path().toStdString(), "lang.map");
            langMap->open();
            ok = !entries.isEmpty();
        } catch (...) {
            qCWarning(lcUi) << "Code highlighting is off: the language definitions did not load";
        }
    }
};

// Parsing definitions is not reentrant: one thread at a time, for every thread.
QMutex &parserMutex() {
    static QMutex mutex;
    return mutex;
}

DefinitionFolder &definitions() {
    static DefinitionFolder folder;
    return folder;
}

// Parsed definitions, shared by every thread: a highlight state is only read while
// highlighting (Boost's compiled expressions may be shared between threads; a state that
// needs back-references filled in is copied by the highlighter first).
struct ParsedDefinitions {
    srchilite::RegexRuleFactory ruleFactory;
    srchilite::LangDefManager manager{&ruleFactory};
    std::map<std::string, srchilite::HighlightStatePtr> states;
};

srchilite::HighlightStatePtr stateFor(const QString &file) {
    static ParsedDefinitions parsed;
    const std::string name = file.toStdString();
    QMutexLocker lock(&parserMutex());
    if (const auto it = parsed.states.find(name); it != parsed.states.end())
        return it->second;
    srchilite::HighlightStatePtr state;
    try {
        state = parsed.manager.getHighlightState(definitions().dir.path().toStdString(), name);
    } catch (...) {
        qCWarning(lcUi) << "The code highlighting definition" << file << "did not load";
    }
    parsed.states.emplace(name, state);
    return state;
}

struct RawSpan {
    int start;
    int length;
    CodeToken token;
};

// Receives the pieces of a line Source-highlight recognised, as byte ranges.
class SpanCollector final : public srchilite::Formatter {
public:
    SpanCollector(CodeToken token, std::vector<RawSpan> *out)
        : m_token(token)
        , m_out(out) {}
    void format(const std::string &s, const srchilite::FormatterParams *params) override {
        if (params && params->start >= 0 && !s.empty())
            m_out->push_back({params->start, int(s.size()), m_token});
    }

private:
    CodeToken m_token;
    std::vector<RawSpan> *m_out;
};

class PlainText final : public srchilite::Formatter {
public:
    void format(const std::string &, const srchilite::FormatterParams *) override {}
};

} // namespace

struct CodeHighlighter::Private {
    std::vector<RawSpan> raw;
    srchilite::FormatterManager formatters{srchilite::FormatterPtr(new PlainText)};
    srchilite::FormatterParams params;
    std::unique_ptr<srchilite::SourceHighlighter> highlighter;
};

void CodeHighlighter::preloadInBackground() {
    static std::once_flag once;
    std::call_once(once, [] {
        // The languages answers use most, first: parsing a definition takes milliseconds,
        // better spent on a worker than on the GUI thread when the first block arrives.
        (void)QtConcurrent::run([] {
            for (const char *language :
                 {"python", "javascript", "typescript", "bash", "json", "cpp", "c", "sql", "java",
                  "rust", "go", "html", "css", "yaml", "markdown", "diff"}) {
                const QString file = definitionFor(QString::fromLatin1(language));
                if (!file.isEmpty())
                    stateFor(file);
            }
        });
    });
}

QString CodeHighlighter::definitionFor(const QString &language) {
    // The info string's first word, as in "python title=x.py" or "{.cpp}".
    QString name = language.trimmed().toLower();
    name = name.section(u' ', 0, 0).remove(u'{').remove(u'}');
    if (name.startsWith(u'.'))
        name.remove(0, 1);
    if (name.isEmpty())
        return {};
    if (const auto it = aliases().constFind(name); it != aliases().cend())
        return *it;
    DefinitionFolder &folder = definitions();
    if (!folder.ok || !folder.langMap)
        return {};
    QMutexLocker lock(&parserMutex());
    try {
        return QString::fromStdString(folder.langMap->getMappedFileName(name.toStdString()));
    } catch (...) {
        return {};
    }
}

CodeHighlighter::CodeHighlighter(const QString &language)
    : d(std::make_unique<Private>()) {
    const QString file = definitionFor(language);
    if (file.isEmpty() || !definitions().ok)
        return;
    const srchilite::HighlightStatePtr state = stateFor(file);
    if (!state)
        return;
    for (const Element &e : kElements) {
        d->formatters.addFormatter(e.name,
                                   srchilite::FormatterPtr(new SpanCollector(e.token, &d->raw)));
    }
    d->highlighter = std::make_unique<srchilite::SourceHighlighter>(state);
    d->highlighter->setFormatterManager(&d->formatters);
    d->highlighter->setFormatterParams(&d->params);
    d->highlighter->setOptimize(false); // one formatter call per recognised piece
}

CodeHighlighter::~CodeHighlighter() = default;

bool CodeHighlighter::isValid() const {
    return d->highlighter != nullptr;
}

QList<CodeHighlighter::Span> CodeHighlighter::highlightLine(QStringView line) {
    QList<Span> spans;
    if (!d->highlighter || line.size() > MaxLineChars)
        return spans;
    const QByteArray utf8 = line.toUtf8();
    d->raw.clear();
    try {
        d->highlighter->highlightParagraph(std::string(utf8.constData(), size_t(utf8.size())));
    } catch (...) {
        // A definition's expression gave up on this input: this block stays uncoloured.
        d->highlighter.reset();
        return spans;
    }
    // Byte offsets to UTF-16 positions.
    std::vector<int> position;
    const bool ascii = utf8.size() == line.size();
    if (!ascii) {
        position.resize(size_t(utf8.size()) + 1);
        int utf16 = 0;
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            position[size_t(i)] = utf16;
            const uchar c = uchar(utf8.at(i));
            if ((c & 0xC0) != 0x80) // a lead byte starts a code point
                utf16 += c >= 0xF0 ? 2 : 1;
        }
        position[size_t(utf8.size())] = utf16;
        // Continuation bytes map to the position after their code point's first unit.
    }
    const auto at = [&](int byte) {
        return ascii ? byte : position[size_t(std::clamp<int>(byte, 0, int(utf8.size())))];
    };
    for (const RawSpan &r : d->raw) {
        const int start = at(r.start);
        const int end = at(r.start + r.length);
        if (end <= start)
            continue;
        if (!spans.isEmpty() && spans.last().token == r.token
            && spans.last().start + spans.last().length == start) {
            spans.last().length += end - start; // one run for adjacent pieces of one kind
            continue;
        }
        spans.append({start, end - start, r.token});
    }
    return spans;
}

} // namespace Tramontane
