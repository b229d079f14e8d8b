using System.Text;
using MimeKit;
using Preau.Core.Mail;
using Preau.Core.Storage;
using Preau.Imap.Content;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Fetch;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;
using ContentSection = Preau.Imap.Content.BodySection;
using ContentText = Preau.Imap.Content.SectionText;

namespace Preau.Imap.Handlers;

/// <summary>FETCH and UID FETCH: flags and dates from the index, everything else from the stored
/// message (read once per message, only when an item needs it). Fetching a body section without
/// .PEEK sets \Seen in a read-write mailbox, and the new flags are part of the answer.</summary>
internal static class FetchHandler
{
    private const int FlushThreshold = 256 * 1024;

    public static async Task FetchAsync(ImapSession s, FetchCommand c, CancellationToken cancellationToken)
    {
        var box = s.Box;
        var set = box.WithSaved(c.Set, c.ByUid);
        if (!c.ByUid && box.OutOfRange(set))
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, "No such message sequence number");
            return;
        }

        var attributes = c.Items.Attributes;
        if (c.ByUid)
        {
            attributes |= FetchAttributes.Uid;
        }

        if (c.Modifiers.ChangedSince is not null || attributes.HasFlag(FetchAttributes.ModSeq))
        {
            s.CondStore = true;
            attributes |= FetchAttributes.ModSeq;
        }

        if (c.Modifiers.Vanished && (!s.QResync || !c.ByUid || c.Modifiers.ChangedSince is null))
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, "VANISHED needs UID FETCH, CHANGEDSINCE and ENABLE QRESYNC");
            return;
        }

        var targets = box.Resolve(set, c.ByUid);
        if (c.Modifiers.ChangedSince is { } since)
        {
            targets = targets.Where(t => t.Entry.ModSeq > since).ToList();
            if (c.Modifiers.Vanished)
            {
                // RFC 7162 §3.2.6: the UIDs of the set expunged since, before the FETCH responses.
                var highest = box.Uids.Count == 0 ? 0 : box.Uids[^1];
                var gone = s.Services.Mailboxes.ExpungedSince(s.User, box.Mailbox.Id, since)
                    .Select(e => e.Uid)
                    .Where(uid => set.Contains(uid, Math.Max(highest, uid)))
                    .ToArray();
                if (gone.Length > 0)
                {
                    s.Writer.Vanished(Protocol.Syntax.SequenceSet.FromNumbers(gone), earlier: true);
                }
            }
        }

        var marksSeen = !box.ReadOnly
            && (c.Items.Sections.Any(x => x.SetsSeen) || (attributes & (FetchAttributes.Rfc822 | FetchAttributes.Rfc822Text)) != 0);
        if (marksSeen)
        {
            var unseen = targets.Where(t => !t.Entry.Flags.HasFlag(MessageFlags.Seen)).Select(t => t.Entry.Uid).ToArray();
            if (unseen.Length > 0)
            {
                var result = s.Services.Mailboxes.UpdateFlags(s.User, box.Mailbox.Id, unseen, new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, []));
                foreach (var changed in result.Changed)
                {
                    box.Update(changed);
                }

                attributes |= FetchAttributes.Flags;
            }
        }

        var needsRaw = c.Items.Sections.Count > 0
            || (attributes & (FetchAttributes.Body | FetchAttributes.BodyStructure | FetchAttributes.Rfc822 | FetchAttributes.Rfc822Header | FetchAttributes.Rfc822Text)) != 0;
        foreach (var (seq, target) in targets)
        {
            var entry = box.Entry(target.Uid);
            ParsedMessage? parsed = null;
            string? envelope = null;
            if (needsRaw)
            {
                parsed = ParsedMessage.Parse(await ReadAsync(s, entry, cancellationToken));
            }

            if (attributes.HasFlag(FetchAttributes.Envelope)
                && entry.Summary.Extras?.TryGetValue(EnvelopeAnalyzer.EnvelopeKey, out envelope) != true
                && !s.Services.Envelopes.TryGet(entry.BlobHash, out envelope))
            {
                var headers = parsed?.Message.Headers;
                headers ??= await LoadHeadersAsync(s, entry, cancellationToken);

                envelope = EnvelopeRenderer.Render(headers);
                s.Services.Envelopes.Add(entry.BlobHash, envelope);
            }

            var binary = parsed is null ? null : Decode(parsed, c.Items.Sections);
            if (binary?.FirstOrDefault(b => b.Content.UnknownCte) is { Section: { } unknown })
            {
                // RFC 3516 §4.3: "it MUST fail the request and issue a NO response that contains UNKNOWN-CTE".
                s.Writer.Status(c.Tag, ImapStatus.No, $"{unknown.ResponseLabel} of message {seq}: unknown Content-Transfer-Encoding", ResponseCode.UnknownCte);
                return;
            }

            WriteOne(s, seq, entry, attributes, c.Items.Sections, parsed, envelope, binary);
            if (s.Connection.Buffered > FlushThreshold)
            {
                await s.Connection.FlushAsync(cancellationToken);
            }
        }

        if (c.ByUid)
        {
            s.SendUpdates();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "FETCH completed");
    }

    /// <summary>The header block of a stored message; none (an all-NIL envelope) when the message
    /// does not start with one, so one broken message never fails a FETCH (or SORT) of many.</summary>
    internal static async Task<HeaderList> LoadHeadersAsync(ImapSession s, MessageEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = s.Services.Mailboxes.Open(s.User, entry);
        try
        {
            return await HeaderList.LoadAsync(HeaderText.Lenient, stream, cancellationToken);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(ImapSession s, MessageEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = s.Services.Mailboxes.Open(s.User, entry);
        using var memory = new MemoryStream((int)Math.Min(entry.Size, int.MaxValue));
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.GetBuffer().AsMemory(0, (int)memory.Length);
    }

    /// <summary>The BINARY and BINARY.SIZE items of a message, decoded once each, by the index of the
    /// item; null when none is asked.</summary>
    private static (FetchBodySection? Section, BinaryContent Content)[]? Decode(ParsedMessage parsed, IReadOnlyList<FetchBodySection> sections)
    {
        if (!sections.Any(x => x.Kind != FetchSectionKind.Body))
        {
            return null;
        }

        var decoded = new (FetchBodySection?, BinaryContent)[sections.Count];
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Kind != FetchSectionKind.Body)
            {
                decoded[i] = (sections[i], BinarySectionReader.Read(parsed, sections[i].Section.Part.Select(p => (int)p).ToArray()));
            }
        }

        return decoded;
    }

    private static void WriteOne(
        ImapSession s,
        uint seq,
        MessageEntry entry,
        FetchAttributes a,
        IReadOnlyList<FetchBodySection> sections,
        ParsedMessage? parsed,
        string? envelope,
        (FetchBodySection? Section, BinaryContent Content)[]? binary)
    {
        var w = s.Writer.BeginFetch(seq);
        if (a.HasFlag(FetchAttributes.Uid))
        {
            w.Atom("UID").Number(entry.Uid);
        }

        if (a.HasFlag(FetchAttributes.Flags))
        {
            w.Atom("FLAGS").FlagList(FlagText.Of(entry, s.Box.IsRecent(entry.Uid)));
        }

        if (a.HasFlag(FetchAttributes.InternalDate))
        {
            w.Atom("INTERNALDATE").DateTime(entry.InternalDate);
        }

        if (a.HasFlag(FetchAttributes.Rfc822Size))
        {
            w.Atom("RFC822.SIZE").Number((ulong)entry.Size);
        }

        if (a.HasFlag(FetchAttributes.ModSeq))
        {
            w.Atom("MODSEQ").BeginList().Number(entry.ModSeq).EndList();
        }

        if (a.HasFlag(FetchAttributes.Envelope) && envelope is not null)
        {
            Rendered(w.Atom("ENVELOPE"), envelope);
        }

        if (a.HasFlag(FetchAttributes.BodyStructure) && parsed is not null)
        {
            Rendered(w.Atom("BODYSTRUCTURE"), BodyStructureRenderer.Render(parsed, extensible: true));
        }

        if (a.HasFlag(FetchAttributes.Body) && parsed is not null)
        {
            Rendered(w.Atom("BODY"), BodyStructureRenderer.Render(parsed, extensible: false));
        }

        if (parsed is not null)
        {
            if (a.HasFlag(FetchAttributes.Rfc822Header))
            {
                w.Atom("RFC822.HEADER").Literal(SectionReader.Read(parsed, ContentSection.Rfc822Header)!.Value.Span);
            }

            if (a.HasFlag(FetchAttributes.Rfc822Text))
            {
                w.Atom("RFC822.TEXT").Literal(SectionReader.Read(parsed, ContentSection.Rfc822Text)!.Value.Span);
            }

            if (a.HasFlag(FetchAttributes.Rfc822))
            {
                w.Atom("RFC822").Literal(parsed.Raw.Span);
            }

            for (var i = 0; i < sections.Count; i++)
            {
                if (binary?[i].Section is not null)
                {
                    WriteBinary(w, sections[i], binary[i].Content);
                }
                else
                {
                    WriteSection(w, parsed, sections[i]);
                }
            }
        }

        w.EndFetch();
    }

    /// <summary>An item rendered by the content layer: after the item's name, separated by a space
    /// (the writer still owes the space before whatever comes next).</summary>
    private static void Rendered(ImapWriter w, string rendered)
    {
        w.Raw(" "u8);
        w.Raw(Encoding.UTF8.GetBytes(rendered));
    }

    private static void WriteSection(ImapWriter w, ParsedMessage parsed, FetchBodySection section)
    {
        var spec = new ContentSection(section.Section.Part.Select(p => (int)p).ToArray(), (ContentText)(int)section.Section.Text, section.Section.Fields);
        var data = section.Partial is { } p
            ? SectionReader.Read(parsed, spec, p.Offset, p.Length)
            : SectionReader.Read(parsed, spec);
        w.Atom(section.ResponseLabel);

        // A section that does not exist is an empty string (RFC 9051 §6.4.5).
        w.Literal((data ?? ReadOnlyMemory<byte>.Empty).Span);
    }

    /// <summary>BINARY[…]&lt;partial&gt; or BINARY.SIZE[…] (RFC 3516 §4.3): decoded octets, as a literal8
    /// only when they hold NUL (otherwise a plain literal, so the client knows there is none).</summary>
    private static void WriteBinary(ImapWriter w, FetchBodySection section, BinaryContent content)
    {
        var data = content.Data ?? ReadOnlyMemory<byte>.Empty;
        w.Atom(section.ResponseLabel);
        if (section.Kind == FetchSectionKind.BinarySize)
        {
            w.Number((ulong)data.Length);
            return;
        }

        if (section.Partial is { } p)
        {
            data = SectionReader.Partial(data, p.Offset, p.Length);
        }

        var hasNul = content.HasNul && data.Span.IndexOf((byte)0) >= 0;
        w.LiteralHeader(data.Length, binary: hasNul).Raw(data.Span);
    }
}
