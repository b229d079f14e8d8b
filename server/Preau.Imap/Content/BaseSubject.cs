using System.Text;
using MimeKit.Utils;

namespace Preau.Imap.Content;

/// <summary>
/// The "base subject" of RFC 5256 §2.1, which SORT SUBJECT and THREAD compare: the subject without the
/// "Re:", "Fwd:", "[list]" and "(fwd)" that mail software adds. The RFC asks every server and client to
/// run exactly these steps, so they are followed one by one.
/// </summary>
/// <remarks>
/// <code>
/// subject      = *subj-leader [subj-middle] *subj-trailer
/// subj-refwd   = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
/// subj-blob    = "[" *BLOBCHAR "]" *WSP
/// subj-fwd     = subj-fwd-hdr subject subj-fwd-trl
/// subj-fwd-hdr = "[fwd:"
/// subj-fwd-trl = "]"
/// subj-leader  = (*subj-blob subj-refwd) / WSP
/// subj-trailer = "(fwd)" / WSP
/// BLOBCHAR     = %x01-5a / %x5c / %x5e-ff    ; anything but "[" and "]"
/// </code>
/// </remarks>
public static class BaseSubject
{
    /// <summary>The base subject.</summary>
    /// <param name="subject">The Subject: value, raw (encoded-words are decoded here) or already decoded.</param>
    public static string Extract(string subject) => Extract(subject, out _);

    /// <summary>The base subject, and whether the subject marked a reply or a forward (RFC 5256 §5, REFERENCES).</summary>
    /// <param name="subject">The Subject: value, raw or decoded.</param>
    /// <param name="isReplyOrForward">True when a subj-refwd, a "(fwd)" trailer or a "[fwd: …]" pair was removed.</param>
    public static string Extract(string subject, out bool isReplyOrForward)
    {
        ArgumentNullException.ThrowIfNull(subject);
        isReplyOrForward = false;

        // (1) Encoded-words to text; tabs and continuations to spaces; runs of spaces to one.
        var text = subject.Contains("=?", StringComparison.Ordinal)
            ? Rfc2047.DecodeText(Encoding.UTF8.GetBytes(subject))
            : subject;
        text = CollapseSpaces(text);

        while (true)
        {
            // (2) Trailers, until none is left.
            while (true)
            {
                if (text.EndsWith(' '))
                {
                    text = text[..^1];
                }
                else if (text.EndsWith("(fwd)", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[..^5];
                    isReplyOrForward = true;
                }
                else
                {
                    break;
                }
            }

            // (3) Leaders, (4) a leading blob if something is left after it, (5) until neither applies.
            bool removed;
            do
            {
                removed = false;
                while (text.Length > 0)
                {
                    if (text[0] == ' ')
                    {
                        text = text[1..];
                    }
                    else if (MatchRefwdLeader(text) is > 0 and var length)
                    {
                        text = text[length..];
                        isReplyOrForward = true;
                    }
                    else
                    {
                        break;
                    }

                    removed = true;
                }

                if (MatchBlob(text, 0) is > 0 and var blob && blob < text.Length)
                {
                    text = text[blob..];
                    removed = true;
                }
            }
            while (removed);

            // (6) "[fwd: … ]" around the whole subject: remove the pair and go again from (2).
            if (text.Length >= 6 && text.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase) && text.EndsWith(']'))
            {
                text = text[5..^1];
                isReplyOrForward = true;
                continue;
            }

            // (7)
            return text;
        }
    }

    /// <summary>Step (1): every tab, CR and LF becomes a space, then runs of spaces become one.</summary>
    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = c is '\t' or '\r' or '\n' ? ' ' : c;
            if (ch == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>Length of a <c>*subj-blob subj-refwd</c> leader at the start of <paramref name="text"/>, 0 if none.</summary>
    private static int MatchRefwdLeader(string text)
    {
        var i = 0;
        while (MatchBlob(text, i) is > 0 and var blob)
        {
            i += blob;
        }

        if (StartsWith(text, i, "re"))
        {
            i += 2;
        }
        else if (StartsWith(text, i, "fw"))
        {
            i += StartsWith(text, i + 2, "d") ? 3 : 2;
        }
        else
        {
            return 0;
        }

        i = SkipSpaces(text, i);
        i += MatchBlob(text, i);
        return i < text.Length && text[i] == ':' ? i + 1 : 0;
    }

    /// <summary>Length of a subj-blob (<c>"[" *BLOBCHAR "]" *WSP</c>) at <paramref name="start"/>, 0 if none.</summary>
    private static int MatchBlob(string text, int start)
    {
        if (start >= text.Length || text[start] != '[')
        {
            return 0;
        }

        var close = text.IndexOfAny(['[', ']'], start + 1);
        if (close < 0 || text[close] != ']')
        {
            return 0;
        }

        return SkipSpaces(text, close + 1) - start;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static bool StartsWith(string text, int start, string prefix) =>
        start + prefix.Length <= text.Length
        && text.AsSpan(start, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);
}
