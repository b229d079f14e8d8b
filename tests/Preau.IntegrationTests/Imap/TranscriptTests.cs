using System.Text;
using System.Text.RegularExpressions;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>Replays the conversations in Imap/Transcripts/*.txt (format: <see cref="ImapTranscript"/>)
/// against a fresh server each, and checks every line the server sends. A file with a <c># bug:</c>
/// header shows the RFC-correct answer the server does not give yet: its test is ignored with that reason.</summary>
/// <remarks>To write a transcript, run it with the environment variable <c>PREAU_IMAP_RECORD=1</c>: nothing
/// is compared, the whole exchange goes to the test's output, and the test ends inconclusive. Check
/// each line against the RFC before pasting it as the expectation.</remarks>
[Parallelizable(ParallelScope.Children)]
public partial class TranscriptTests
{
    private static readonly bool Recording = Environment.GetEnvironmentVariable("PREAU_IMAP_RECORD") == "1";

    public static IEnumerable<TestCaseData> Files()
    {
        foreach (var path in Directory.GetFiles(ImapTranscript.Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var transcript = ImapTranscript.Load(path);
            var data = new TestCaseData(Path.GetFileName(path)).SetName($"Replay_{transcript.Name}_ServerAnswersAsWritten");
            yield return transcript.Bug is { } bug ? data.Ignore("BUG: " + bug) : data;
        }
    }

    [TestCaseSource(nameof(Files))]
    public async Task Replay(string file)
    {
        var transcript = ImapTranscript.Load(Path.Combine(ImapTranscript.Folder, file));
        await using var server = await TestServer.StartAsync(settings =>
        {
            foreach (var (key, value) in transcript.Settings)
            {
                settings[key] = value;
            }
        });
        await using var replay = new Replayer(server, transcript);
        await replay.RunAsync();
        if (Recording)
        {
            Assert.Inconclusive("PREAU_IMAP_RECORD=1: recorded, not compared");
        }
    }

    /// <summary>One replay: the main session, the optional second one, and what was exchanged.</summary>
    private sealed partial class Replayer(TestServer server, ImapTranscript transcript) : IAsyncDisposable
    {
        private readonly StringBuilder _exchange = new();
        private readonly Channel _main = new();
        private readonly Channel _other = new();

        public async Task RunAsync()
        {
            var implicitTls = transcript.Tls == "implicit";
            _main.Client = await RawImap.ConnectAsync(implicitTls ? server.ImapTlsPort : server.ImapPort, implicitTls);
            if (transcript.Tls == "starttls")
            {
                await _main.Client.StartTlsAsync();
            }

            if (transcript.Login is { } login)
            {
                await _main.Client.LoginAsync(login);
            }

            var steps = transcript.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (step.Kind == 'S')
                {
                    Fail(step, "an S: line must follow a C: or O: line that gets an answer");
                }

                var expected = new List<string>();
                while (i + 1 < steps.Count && steps[i + 1].Kind == 'S')
                {
                    expected.Add(steps[++i].Text);
                }

                if (step.Kind == 'O')
                {
                    await OtherAsync(step);
                    var pushed = new List<string>();
                    for (var n = 0; n < expected.Count && !Recording; n++)
                    {
                        pushed.Add(await ReadLineAsync(step, expected, pushed));
                    }

                    if (Recording)
                    {
                        await RecordPushedAsync();
                    }

                    Compare(step, expected, pushed);
                    continue;
                }

                var answer = await SendAsync(_main, step);
                if (answer is null)
                {
                    if (expected.Count > 0 && !Recording)
                    {
                        Fail(step, "the server is not asked to answer here (literal data, or a line ending with {n+}); move these S: lines after the line that completes the command");
                    }

                    continue;
                }

                foreach (var line in answer)
                {
                    _exchange.Append("S: ").AppendLine(line);
                }

                Compare(step, expected, answer);
                if (IsStartTls(step.Text) && answer.Count > 0 && answer[^1].StartsWith(TagOf(step.Text) + " OK", StringComparison.Ordinal))
                {
                    await _main.Client!.UpgradeAsync();
                }
            }

            if (_main.LiteralLeft > 0 || _other.LiteralLeft > 0)
            {
                Assert.Fail($"{transcript.Name}: the file ends inside a literal");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await TestContext.Out.WriteLineAsync($"--- {transcript.Name}, as exchanged:\n{_exchange}");
            if (_main.Client is not null)
            {
                await _main.Client.DisposeAsync();
            }

            if (_other.Client is not null)
            {
                await _other.Client.DisposeAsync();
            }
        }

        /// <summary>Sends a line on a channel; returns the server's answer, or null when the client
        /// goes on without waiting (literal data, a non-synchronizing literal).</summary>
        private async Task<IReadOnlyList<string>?> SendAsync(Channel channel, TranscriptStep step)
        {
            var client = channel.Client!;
            var prefix = channel == _main ? "C: " : "O: ";
            _exchange.Append(prefix).AppendLine(step.Text);
            await client.SendLineAsync(step.Text);
            var rest = step.Text;
            if (channel.LiteralLeft > 0)
            {
                // Literal data: the literal takes the whole line (and its CRLF), or ends inside it and
                // the command goes on with the rest of the line, e.g. "eleve.6a {4}" after LOGIN {8}.
                var bytes = Encoding.UTF8.GetBytes(step.Text);
                if (channel.LiteralLeft > bytes.Length + 1)
                {
                    channel.LiteralLeft -= bytes.Length + 2;
                    return null;
                }

                if (channel.LiteralLeft == bytes.Length + 1)
                {
                    Fail(step, "the literal ends between this line's CR and LF: fix its size");
                }

                rest = Encoding.UTF8.GetString(bytes.AsSpan((int)channel.LiteralLeft));
                channel.LiteralLeft = 0;
            }

            var tag = channel.Tag ??= TagOf(step.Text);
            if (Literal().Match(rest) is { Success: true } literal)
            {
                channel.LiteralLeft = long.Parse(literal.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (literal.Groups[2].Value == "+")
                {
                    return null;
                }
            }

            var answer = await ReadAsync(step, () => client.ReadUntilTaggedAsync(tag));
            if (answer.Count == 0 || !IsContinuation(answer[^1]))
            {
                // Tagged (or closed): the command is over, a refused literal is never sent.
                channel.Tag = null;
                channel.LiteralLeft = 0;
            }

            return answer;
        }

        private async Task OtherAsync(TranscriptStep step)
        {
            _other.Client ??= await RawImap.LoggedInAsync(server, transcript.Login ?? throw new FormatException($"{transcript.Name}:{step.LineNumber}: O: lines need a # login: header"));
            var tag = _other.Tag ?? TagOf(step.Text);
            var answer = await SendAsync(_other, step);
            if (answer is null || (answer.Count > 0 && IsContinuation(answer[^1])))
            {
                return;
            }

            if (answer.Count == 0 || !answer[^1].StartsWith(tag + " OK", StringComparison.Ordinal))
            {
                Fail(step, "the second session's command failed:\n" + string.Join('\n', answer));
            }
        }

        private async Task<string> ReadLineAsync(TranscriptStep step, List<string> expected, List<string> got)
        {
            var line = await ReadAsync(step, () => _main.Client!.ReadLineAsync(), expected, got)
                ?? throw new AssertionException($"{Where(step)}: the server closed the connection\n{ImapTranscript.Diff(expected, got, out _)}");
            _exchange.Append("S: ").AppendLine(line);
            return line;
        }

        private async Task<T> ReadAsync<T>(TranscriptStep step, Func<Task<T>> read, IReadOnlyList<string>? expected = null, IReadOnlyList<string>? got = null)
        {
            try
            {
                return await read();
            }
            catch (TimeoutException)
            {
                var waited = expected is null ? "" : "\n" + ImapTranscript.Diff(expected, got ?? [], out _);
                throw new AssertionException($"{Where(step)}: the server stopped answering (no complete answer within 5 s){waited}\n\nExchange so far:\n{_exchange}");
            }
        }

        /// <summary>Recording: whatever the first session receives until it has been quiet for a second.</summary>
        private async Task RecordPushedAsync()
        {
            var client = _main.Client!;
            var timeout = client.Timeout;
            client.Timeout = TimeSpan.FromSeconds(1);
            try
            {
                while (await client.ReadLineAsync() is { } line)
                {
                    _exchange.Append("S: ").AppendLine(line);
                }
            }
            catch (TimeoutException)
            {
                // Quiet.
            }
            finally
            {
                client.Timeout = timeout;
            }
        }

        private void Compare(TranscriptStep step, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        {
            if (Recording)
            {
                return;
            }

            var diff = ImapTranscript.Diff(expected, actual, out var same);
            if (!same)
            {
                throw new AssertionException($"{Where(step)}: the server's answer to\n    {step.Kind}: {step.Text}\ndiffers from the transcript:\n{diff}\nExchange so far:\n{_exchange}");
            }
        }

        private void Fail(TranscriptStep step, string message) =>
            throw new AssertionException($"{Where(step)}: {message}\n\nExchange so far:\n{_exchange}");

        private string Where(TranscriptStep step) => $"{transcript.Name}.txt:{step.LineNumber}";

        private static string TagOf(string line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? line[..space] : line;
        }

        private static bool IsContinuation(string line) => line == "+" || line.StartsWith("+ ", StringComparison.Ordinal);

        private static bool IsStartTls(string line) => Regex.IsMatch(line, @"^\S+ STARTTLS$", RegexOptions.IgnoreCase);

        [GeneratedRegex(@"~?\{(\d+)(\+?)\}$")]
        private static partial Regex Literal();
    }

    /// <summary>A session's state between lines: the command in progress and the literal octets still to send.</summary>
    private sealed class Channel
    {
        public RawImap? Client { get; set; }

        public string? Tag { get; set; }

        public long LiteralLeft { get; set; }
    }
}
