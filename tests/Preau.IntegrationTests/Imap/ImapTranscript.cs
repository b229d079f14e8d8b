using System.Text;
using System.Text.RegularExpressions;

namespace Preau.IntegrationTests.Imap;

/// <summary>One step of a transcript file.</summary>
/// <param name="Kind">'C' (a line the client sends), 'O' (a line sent on a second session of the
/// same user, whose answers are not checked) or 'S' (a line the server must send).</param>
/// <param name="Text">The line, without its prefix.</param>
/// <param name="LineNumber">Where it is in the file, for messages.</param>
internal sealed record TranscriptStep(char Kind, string Text, int LineNumber);

/// <summary>A plain-text IMAP conversation: what the client says and what the server must answer.</summary>
/// <remarks>
/// <para>The format, one item per line:</para>
/// <list type="bullet">
/// <item><c># login: eleve.6a</c>: log in as this persona (password "demo") before the replay; the login is not checked.</item>
/// <item><c># tls: starttls</c> (the default), <c># tls: implicit</c> (the TLS port) or <c># tls: none</c>
/// (clear text on the plain port, no login possible).</item>
/// <item><c># bug: what is wrong</c>: the server is known to answer otherwise; the test is ignored with this reason.</item>
/// <item><c># settings: Key=value; Key=value</c>: configuration the replay's server starts with, e.g.
/// <c>Mail:Quota:Eleve=4K</c> (the header may be repeated).</item>
/// <item><c># anything else</c> and blank lines: comments.</item>
/// <item><c>C: line</c>: sent with CRLF. After a complete command the server's answer is read up to its
/// tagged response (or a continuation request, or the connection's end) and must match the S: lines
/// that follow, one for one. A line ending with <c>{n}</c> waits for the continuation request;
/// <c>{n+}</c> does not wait; the next C: lines are then the literal's content, each with its CRLF.
/// The literal may end with a line's CRLF (the command goes on in the next C: line, often an empty
/// one) or inside a line (the rest of that line goes on with the command, e.g. <c>eleve.6a {4}</c>).
/// A C: line after a continuation request (literal data, IDLE's DONE) belongs to the command in progress.
/// A tagged OK to STARTTLS starts the TLS handshake.</item>
/// <item><c>O: line</c>: the same, on a second logged-in session of the same user (for changes
/// another client makes); its answers must end in a tagged OK and are not compared. The S: lines
/// after an O: line are what the first session must then receive (untagged updates, e.g. during IDLE).</item>
/// <item><c>S: pattern</c>: a line the server sends. <c>*</c> matches any text, except the leading
/// <c>* </c> of an untagged response and the flag <c>\*</c>, which match themselves. Literals the
/// server sends are split at their CRLFs, like lines.</item>
/// </list>
/// </remarks>
internal sealed class ImapTranscript
{
    private ImapTranscript(string name, IReadOnlyList<TranscriptStep> steps, string? login, string tls, string? bug, IReadOnlyDictionary<string, string> settings)
    {
        Settings = settings;
        Name = name;
        Steps = steps;
        Login = login;
        Tls = tls;
        Bug = bug;
    }

    /// <summary>The file name without extension.</summary>
    public string Name { get; }

    public IReadOnlyList<TranscriptStep> Steps { get; }

    /// <summary>Who logs in before the replay, or null to start unauthenticated.</summary>
    public string? Login { get; }

    /// <summary>"starttls", "implicit" or "none".</summary>
    public string Tls { get; }

    /// <summary>The known server bug this transcript shows, or null.</summary>
    public string? Bug { get; }

    /// <summary>Configuration overrides for the replay's server.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Where the transcript files are copied next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Imap", "Transcripts");

    public static ImapTranscript Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var steps = new List<TranscriptStep>();
        string? login = null;
        string? bug = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var tls = "starttls";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                var header = Regex.Match(line, @"^#\s*(login|tls|bug|settings)\s*:\s*(.*?)\s*$");
                if (header.Success)
                {
                    var value = header.Groups[2].Value;
                    switch (header.Groups[1].Value)
                    {
                        case "login":
                            login = value;
                            break;
                        case "settings":
                            foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            {
                                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                                if (eq <= 0)
                                {
                                    throw new FormatException($"{Path.GetFileName(path)}:{i + 1}: settings are Key=value pairs separated by ';', not '{pair}'");
                                }

                                settings[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                            }

                            break;
                        case "tls":
                            tls = value is "starttls" or "implicit" or "none"
                                ? value
                                : throw new FormatException($"{Path.GetFileName(path)}:{i + 1}: tls is starttls, implicit or none, not '{value}'");
                            break;
                        default:
                            bug = value;
                            break;
                    }
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != ':' || line[0] is not ('C' or 'S' or 'O'))
            {
                throw new FormatException($"{Path.GetFileName(path)}:{i + 1}: expected 'C: ', 'S: ', 'O: ' or '#', got: {line}");
            }

            // "C:" alone is an empty line (the end of a literal, say); otherwise one space follows the colon.
            var text = line.Length == 2 ? "" : line[2] == ' ' ? line[3..] : throw new FormatException($"{Path.GetFileName(path)}:{i + 1}: a space must follow '{line[..2]}'");
            steps.Add(new TranscriptStep(line[0], text, i + 1));
        }

        if (login is not null && tls == "none")
        {
            throw new FormatException($"{Path.GetFileName(path)}: no login without TLS");
        }

        return new ImapTranscript(Path.GetFileNameWithoutExtension(path), steps, login, tls, bug, settings);
    }

    /// <summary>Whether a server line matches an S: pattern.</summary>
    public static bool Matches(string pattern, string actual) => Compile(pattern).IsMatch(actual);

    /// <summary>A side-by-side account of expected and actual lines, the first difference marked.</summary>
    public static string Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual, out bool same)
    {
        var text = new StringBuilder();
        same = expected.Count == actual.Count;
        var firstDifference = -1;
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var ok = i < expected.Count && i < actual.Count && Matches(expected[i], actual[i]);
            if (!ok && firstDifference < 0)
            {
                firstDifference = i;
                same = false;
            }

            var mark = ok ? "   " : ">> ";
            text.Append(mark).Append("expected: ").AppendLine(i < expected.Count ? "S: " + expected[i] : "(nothing more)");
            text.Append(mark).Append("actual:   ").AppendLine(i < actual.Count ? "S: " + actual[i] : "(nothing more)");
        }

        return text.ToString();
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        var i = 0;
        if (pattern.StartsWith("* ", StringComparison.Ordinal))
        {
            regex.Append(@"\*\ ");
            i = 2;
        }

        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(@"\\\*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append(".*");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
