using System.Text;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Reading;

public class LiteralTests
{
    [Test]
    public async Task ReadCommandAsync_SynchronizingLiteral_AsksForContinuationFirst()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 LOGIN {4}\r\n");

        var first = await reader.ReadCommandAsync();

        Assert.That(first.Status, Is.EqualTo(ImapReadStatus.ContinuationRequired));
        Assert.That(first.Literal, Is.EqualTo(new LiteralRequest("a1", "LOGIN", 4, false)));

        // The client sends the data only after "+ Ready"; the session reads on.
        await input.SendAsync("fred {6}\r\n");
        var second = await reader.ReadCommandAsync();
        Assert.That(second.Status, Is.EqualTo(ImapReadStatus.ContinuationRequired));

        await input.SendAsync("secret\r\n");
        var third = await reader.ReadCommandAsync();
        Assert.That(third.Command!.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "fred", "secret" }));
        Assert.That(third.Command.Arguments.All(a => a.Kind == ImapTokenKind.Literal), Is.True);
    }

    [Test]
    public async Task ReadCommandAsync_NonSynchronizingLiteral_ReadsWithoutAsking()
    {
        var results = await Wire.ReadAllAsync("a1 LOGIN {4+}\r\nfred {6+}\r\nsecret\r\na2 NOOP\r\n");

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { ImapReadStatus.Command, ImapReadStatus.Command }));
        Assert.That(results[0].Command!.Arguments[1].Text, Is.EqualTo("secret"));
    }

    [Test]
    public async Task ReadCommandAsync_LiteralWithCrLfAndParens_KeepsBytesExactly()
    {
        var message = "Subject: (hi)\r\n\r\n{5}\r\n\"x\"\r\n";
        var wire = $"a1 APPEND INBOX (\\Seen) {{{message.Length}+}}\r\n{message}\r\n";

        var results = await Wire.ReadAllAsync(wire);

        Assert.That(Encoding.ASCII.GetString(results[0].Command!.Arguments[2].Bytes.Span), Is.EqualTo(message));
    }

    [Test]
    public async Task ReadCommandAsync_LiteralInsideList_ContinuesTheList()
    {
        var results = await Wire.ReadAllAsync("a1 ID (\"name\" {3+}\r\nabc \"os\" NIL)\r\n");

        var list = results[0].Command!.Arguments[0];
        Assert.That(list.Items.Select(i => i.ToString()), Is.EqualTo(new[] { "\"name\"", "{3}", "\"os\"", "NIL" }));
    }

    [Test]
    public async Task ReadCommandAsync_EmptyLiteral_GivesEmptyString()
    {
        var results = await Wire.ReadAllAsync("a1 LOGIN {0+}\r\n {0}\r\n\r\n");

        var command = results.Single(r => r.Status == ImapReadStatus.Command).Command!;
        Assert.That(command.Arguments.Select(a => a.Bytes.Length), Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public async Task ReadCommandAsync_LiteralSplitAcrossReads_IsReassembled()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 APPEND INBOX {10+}\r\n012");
        var read = reader.ReadCommandAsync().AsTask();
        await Task.Delay(20);
        Assert.That(read.IsCompleted, Is.False);

        await input.SendAsync("3456");
        await input.SendAsync("789\r");
        await input.SendAsync("\n");

        Assert.That((await read).Command!.Arguments[1].Text, Is.EqualTo("0123456789"));
    }

    [Test]
    public async Task ReadCommandAsync_Literal8InAppend_IsBinary()
    {
        var wire = "a1 APPEND INBOX ~{3+}\r\n"u8.ToArray().Concat(new byte[] { 0, 1, 2 }).Concat("\r\n"u8.ToArray()).ToArray();

        var results = await Wire.ReadAllAsync(wire);

        var literal = results[0].Command!.Arguments[1];
        Assert.That(literal.IsBinary, Is.True);
        Assert.That(literal.Bytes.ToArray(), Is.EqualTo(new byte[] { 0, 1, 2 }));
    }

    [Test]
    public async Task ReadCommandAsync_Literal8OutsideAppend_IsBadAndSkipped()
    {
        var results = await Wire.ReadAllAsync("a1 LOGIN ~{8+}\r\na9 NOOP x\r\na2 NOOP\r\n");

        Assert.That(results[0].Error!.Message, Is.EqualTo("literal8 is only allowed in APPEND"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task RejectLiteral_PendingLiteral_DropsTheCommand()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 APPEND INBOX {500}\r\n");
        var first = await reader.ReadCommandAsync();
        Assert.That(first.Status, Is.EqualTo(ImapReadStatus.ContinuationRequired));

        reader.RejectLiteral();
        await input.SendAsync("a2 NOOP\r\n");
        var next = await reader.ReadCommandAsync();

        Assert.That(next.Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public void RejectLiteral_NothingPending_Throws()
    {
        var (reader, _) = Wire.Piped();

        Assert.Throws<InvalidOperationException>(reader.RejectLiteral);
    }

    [Test]
    public async Task ReadCommandAsync_ManyPipelinedCommandsWithLiterals_AllRead()
    {
        var wire = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            wire.Append($"t{i} APPEND INBOX {{5+}}\r\nhello\r\n");
        }

        var results = await Wire.ReadAllAsync(wire.ToString());

        Assert.That(results, Has.Count.EqualTo(500));
        Assert.That(results.All(r => r.Command!.Arguments[1].Text == "hello"), Is.True);
    }
}
