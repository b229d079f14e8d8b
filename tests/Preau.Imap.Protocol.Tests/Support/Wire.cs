using System.IO.Pipelines;
using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Tests.Support;

/// <summary>Helpers: wire text in, commands or results out; writer calls in, wire text out.</summary>
internal static class Wire
{
    /// <summary>Every result of reading <paramref name="wire"/>, answering each literal request at once.</summary>
    public static async Task<List<ImapReadResult>> ReadAllAsync(byte[] wire, ImapReaderLimits? limits = null)
    {
        var reader = new ImapCommandReader(new MemoryStream(wire), limits);
        var results = new List<ImapReadResult>();
        while (true)
        {
            var result = await reader.ReadCommandAsync();
            if (result.Status == ImapReadStatus.EndOfStream)
            {
                return results;
            }

            results.Add(result);
            if (result.Error?.IsFatal == true)
            {
                return results;
            }
        }
    }

    public static Task<List<ImapReadResult>> ReadAllAsync(string wire, ImapReaderLimits? limits = null) =>
        ReadAllAsync(Encoding.UTF8.GetBytes(wire), limits);

    /// <summary>Reads one command (CRLF is appended); literal requests are answered, errors fail the test.</summary>
    public static RawCommand Raw(string wire)
    {
        var results = ReadAllAsync(wire + "\r\n").GetAwaiter().GetResult();
        var commands = results.Where(r => r.Status == ImapReadStatus.Command).ToList();
        Assert.That(results.Where(r => r.Status == ImapReadStatus.Error), Is.Empty, "read errors");
        Assert.That(commands, Has.Count.EqualTo(1));
        return commands[0].Command!;
    }

    public static ImapCommand Parse(string wire, CommandParserOptions? options = null) =>
        CommandParser.Parse(Raw(wire), options);

    public static T Parse<T>(string wire, CommandParserOptions? options = null)
        where T : ImapCommand
    {
        var command = Parse(wire, options);
        Assert.That(command, Is.InstanceOf<T>());
        return (T)command;
    }

    /// <summary>The error a command gets from the parser (the test fails if it parses).</summary>
    public static ImapError ParseError(string wire, CommandParserOptions? options = null)
    {
        var ok = CommandParser.TryParse(Raw(wire), options, out var command, out var error);
        Assert.That(ok, Is.False, $"parsed as {command}");
        return error!;
    }

    /// <summary>What the writer produces, as Latin-1 text (one char per octet).</summary>
    public static string Write(Action<ImapWriter> write, bool utf8 = false)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new ImapWriter(buffer) { Utf8Enabled = utf8 };
        write(writer);
        return Encoding.Latin1.GetString(buffer.WrittenSpan);
    }

    /// <summary>A reader over a pipe the test feeds piece by piece.</summary>
    public static (ImapCommandReader Reader, PipeWriter Input) Piped(ImapReaderLimits? limits = null)
    {
        // No back-pressure: a test may send megabytes before the reader runs.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        return (new ImapCommandReader(pipe.Reader, limits), pipe.Writer);
    }

    public static async Task SendAsync(this PipeWriter input, string text)
    {
        await input.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
