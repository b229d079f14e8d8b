using System.Text;
using MailKit.Net.Imap;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>BINARY (RFC 3516) where the transcript cannot go: octets with NUL, which only a literal8
/// (<c>~{n}</c>) may carry, both ways.</summary>
public class ImapBinaryTests : SharedServerFixture
{
    [Test]
    public async Task Capability_AnnouncesBinary()
    {
        using var client = await Server.ImapAsync("eleve2.6a");
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.Binary), Is.True);
    }

    [Test]
    public async Task FetchBinary_Base64WithNul_IsSentAsLiteral8()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        var message = "Subject: pj\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC/w==\r\n";
        Assert.That((await imap.CommandAsync($"a APPEND INBOX {{{message.Length}+}}\r\n{message}"))[^1], Does.StartWith("a OK"), imap.Transcript);
        Assert.That((await imap.CommandAsync("b SELECT INBOX"))[^1], Does.StartWith("b OK"), imap.Transcript);

        var reply = await imap.CommandAsync("c FETCH * (BINARY.SIZE[1] BINARY.PEEK[1] BODY.PEEK[1])");

        Assert.That(reply[0], Does.EndWith("(BINARY.SIZE[1] 4 BINARY[1] ~{4}"), imap.Transcript);
        Assert.That(reply[1], Is.EqualTo("\0\u0001\u0002\uFFFD BODY[1] {10}"), "the decoded octets 00 01 02 FF, then the encoded part");
        Assert.That(reply[^1], Does.StartWith("c OK"));
    }

    [Test]
    public async Task AppendLiteral8_WithNul_StoredAndServedAsIs()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve.6a", implicitTls: true);
        Assert.That((await imap.CommandAsync("a CREATE Binaire"))[^1], Does.StartWith("a OK"), imap.Transcript);
        var header = "Subject: brut\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"u8.ToArray();
        byte[] body = [0x50, 0x00, 0x4B, 0x00];
        var message = header.Concat(body).ToArray();
        await imap.SendRawAsync([.. Encoding.ASCII.GetBytes($"b APPEND Binaire ~{{{message.Length}+}}\r\n"), .. message, .. "\r\n"u8.ToArray()]);
        Assert.That((await imap.ReadUntilTaggedAsync("b"))[^1], Does.StartWith("b OK [APPENDUID"), imap.Transcript);

        Assert.That((await imap.CommandAsync("c EXAMINE Binaire"))[^1], Does.StartWith("c OK"), imap.Transcript);
        var reply = await imap.CommandAsync("d FETCH 1 (RFC822.SIZE BINARY.PEEK[1])");

        Assert.That(reply[0], Does.EndWith($"RFC822.SIZE {message.Length} BINARY[1] ~{{4}}"), imap.Transcript);
        Assert.That(reply[1], Is.EqualTo("P\0K\0)"));
    }

    [Test]
    public async Task AppendLiteral8_Refused_OutsideAppend()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        var reply = await imap.CommandAsync("a CREATE ~{4+}\r\nabcd");
        Assert.That(reply[^1], Does.StartWith("a BAD"), imap.Transcript);
    }
}
