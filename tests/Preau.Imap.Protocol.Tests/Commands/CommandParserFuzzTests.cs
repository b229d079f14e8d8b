using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class CommandParserFuzzTests
{
    private static readonly string[] Words =
    [
        "FETCH", "UID", "STORE", "SEARCH", "SELECT", "LIST", "APPEND", "SORT", "THREAD", "RETURN", "CHARSET",
        "UTF-8", "BODY[", "BODY.PEEK[HEADER.FIELDS", "]", "]<0.5>", "BINARY[1]", "FLAGS", "+FLAGS.SILENT",
        "1:*", "$", "0", "*", "4294967296", "NIL", "\"x\"", "\"\"", "{3+}\r\nabc", "~{2+}\r\nab", "(", ")", "()",
        "NOT", "OR", "MODSEQ", "QRESYNC", "CONDSTORE", "CHANGEDSINCE", "VANISHED", "\\Seen", "\\Recent",
        "INBOX", "&AOk-", "&Jjo", "1-Feb-1994", "\"17-Jul-1996 02:44:25 -0700\"", "STATUS", "SPECIAL-USE", "USE",
    ];

    [Test]
    public async Task TryParse_RandomTokenSoup_NeverThrowsAnythingElse()
    {
        var random = new Random(9051);
        var names = CommandParser.CommandNames.Append("UID").ToArray();
        var wire = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            wire.Append($"t{i} {names[random.Next(names.Length)]}");
            for (var n = random.Next(0, 8); n > 0; n--)
            {
                wire.Append(' ').Append(Words[random.Next(Words.Length)]);
            }

            wire.Append("\r\n");
        }

        var results = await Wire.ReadAllAsync(wire.ToString());
        var parsed = 0;
        foreach (var result in results.Where(r => r.Status == ImapReadStatus.Command))
        {
            Assert.DoesNotThrow(() => parsed += CommandParser.TryParse(result.Command!, null, out _, out _) ? 1 : 0);
        }

        Assert.That(results.Any(r => r.Error?.IsFatal == true), Is.False);
        Assert.That(parsed, Is.GreaterThan(0));
    }
}
