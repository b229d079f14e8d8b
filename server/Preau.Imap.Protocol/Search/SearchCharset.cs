using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Search;

/// <summary>Maps a SEARCH/SORT/THREAD charset to a decoder for its strings.</summary>
/// <remarks>RFC 9051 §6.4.4: US-ASCII and UTF-8 must work; an unknown charset gets a tagged NO with
/// <c>[BADCHARSET (…)]</c>, not a BAD. Other charsets come from the BCL's code pages
/// (ISO-8859-x, windows-125x…), which old clients still use.</remarks>
internal static class SearchCharset
{
    /// <summary>The charsets listed in BADCHARSET.</summary>
    public static readonly string[] Advertised = ["US-ASCII", "UTF-8"];

    public static Encoding Resolve(string name, ArgumentReader args)
    {
        if (name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || name.Equals("US-ASCII", StringComparison.OrdinalIgnoreCase))
        {
            // US-ASCII is a subset of UTF-8; decoding it as UTF-8 keeps stray 8-bit text readable.
            return Encoding.UTF8;
        }

        if (args.Options.Utf8Accept)
        {
            throw args.Bad("only UTF-8 may be named once UTF8=ACCEPT is enabled (RFC 6855 §3)");
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new ImapCommandException(new ImapError(
                ImapErrorKind.No, args.Tag, $"{args.Command}: charset {name} is not supported", ResponseCode.BadCharset(Advertised)));
        }
    }
}
