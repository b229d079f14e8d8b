using Preau.Core.Storage;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>STORE, EXPUNGE (and UID EXPUNGE), COPY and MOVE.</summary>
internal static class MessageHandlers
{
    public static void Store(ImapSession s, StoreCommand c)
    {
        var box = s.Box;
        if (box.ReadOnly)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, "The mailbox is read-only (EXAMINE)", ResponseCode.ReadOnly);
            return;
        }

        var set = box.WithSaved(c.Set, c.ByUid);
        if (!c.ByUid && box.OutOfRange(set))
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, "No such message sequence number");
            return;
        }

        if (FlagText.Unknown(c.Flags) is { } unknown)
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, $"Unknown system flag {unknown}");
            return;
        }

        if (c.UnchangedSince is not null)
        {
            s.CondStore = true;
        }

        var targets = box.Resolve(set, c.ByUid);
        var (flags, keywords) = FlagText.Parse(c.Flags);
        var operation = c.Action switch
        {
            StoreAction.Add => FlagOperation.Add,
            StoreAction.Remove => FlagOperation.Remove,
            _ => FlagOperation.Replace,
        };
        var result = s.Services.Mailboxes.UpdateFlags(s.User, box.Mailbox.Id, targets.Select(t => t.Entry.Uid).ToArray(), new FlagUpdate(operation, flags, keywords, c.UnchangedSince));
        foreach (var changed in result.Changed)
        {
            box.Update(changed);
        }

        var failed = result.Failed.ToHashSet();
        var gone = (result.Missing ?? []).ToHashSet();
        if (!c.Silent || c.UnchangedSince is not null)
        {
            var changedUids = result.Changed.Select(e => e.Uid).ToHashSet();
            foreach (var (_, entry) in targets)
            {
                // .SILENT still reports what UNCHANGEDSINCE changed, so the client learns the new MODSEQ (RFC 7162 §3.1.3).
                if (!failed.Contains(entry.Uid) && !gone.Contains(entry.Uid) && (!c.Silent || changedUids.Contains(entry.Uid)))
                {
                    s.WriteFlags(box.Entry(entry.Uid), withUid: c.ByUid);
                }
            }
        }

        if (c.ByUid)
        {
            s.SendUpdates();
        }

        if (failed.Count > 0)
        {
            var numbers = c.ByUid ? failed : failed.Select(box.SequenceOf);
            s.Writer.Status(c.Tag, ImapStatus.Ok, "Conditional STORE failed for some messages", ResponseCode.Modified(SequenceSet.FromNumbers(numbers)));
            return;
        }

        if (gone.Count > 0 && !c.ByUid && !c.Silent)
        {
            // Another session expunged some of them; this one cannot be told before NOOP (RFC 9051 §7.5.1).
            // RFC 2180 §4.2.2 and §4.2.3: the others' flags are set and shown, the answer is NO. With
            // .SILENT (§4.2.1) and for UID STORE, whose answer may carry the EXPUNGEs, it is OK.
            s.Writer.Status(
                c.Tag,
                ImapStatus.No,
                $"{gone.Count} message(s) effacé(s) par une autre session, les autres sont à jour (expunged by another session; send NOOP)",
                ResponseCode.ExpungeIssued);
            return;
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "STORE completed");
    }

    public static void Expunge(ImapSession s, ExpungeCommand c)
    {
        var box = s.Box;
        if (box.ReadOnly)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, "The mailbox is read-only (EXAMINE)", ResponseCode.ReadOnly);
            return;
        }

        var only = c.Uids is null ? null : box.Resolve(box.WithSaved(c.Uids, byUid: true), byUid: true).Select(t => t.Entry.Uid).ToArray();
        var result = s.Services.Mailboxes.Expunge(s.User, box.Mailbox.Id, only);
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "EXPUNGE completed", s.CondStore ? ResponseCode.HighestModSeq(result.HighestModSeq) : null);
    }

    public static void Copy(ImapSession s, string tag, SequenceSet set, bool byUid, string target, bool move)
    {
        var box = s.Box;
        var verb = move ? "MOVE" : "COPY";
        if (move && box.ReadOnly)
        {
            s.Writer.Status(tag, ImapStatus.No, "The mailbox is read-only (EXAMINE)", ResponseCode.ReadOnly);
            return;
        }

        set = box.WithSaved(set, byUid);
        if (!byUid && box.OutOfRange(set))
        {
            s.Writer.Status(tag, ImapStatus.Bad, "No such message sequence number");
            return;
        }

        if (s.Services.Mailboxes.Find(s.User, target) is null)
        {
            s.Writer.Status(tag, ImapStatus.No, $"No mailbox named {target}", ResponseCode.TryCreate);
            return;
        }

        var uids = box.Resolve(set, byUid).Select(t => t.Entry.Uid).ToArray();
        if (uids.Length == 0)
        {
            s.Writer.Status(tag, ImapStatus.Ok, $"{verb} completed, nothing to {verb.ToLowerInvariant()}");
            return;
        }

        var result = s.Services.Mailboxes.Copy(s.User, box.Mailbox.Id, uids, target, move);
        if (result.SourceUids.Count == 0)
        {
            // Everything named was expunged meanwhile by another session (RFC 2180 §4.4.1): nothing
            // copied, and COPYUID cannot carry empty UID sets (RFC 4315 §4).
            s.SendUpdates();
            s.Writer.Status(tag, ImapStatus.Ok, $"{verb} completed, nothing left to {verb.ToLowerInvariant()}");
            return;
        }

        var code = ResponseCode.CopyUid(result.TargetUidValidity, SequenceSet.FromNumbers(result.SourceUids), SequenceSet.FromNumbers(result.TargetUids));
        if (move)
        {
            // RFC 6851 §4.3: COPYUID comes untagged, before the EXPUNGE responses.
            s.Writer.Status(null, ImapStatus.Ok, "Moved", code);
            s.SendUpdates();
            s.Writer.Status(tag, ImapStatus.Ok, "MOVE completed");
            return;
        }

        s.SendUpdates();
        s.Writer.Status(tag, ImapStatus.Ok, "COPY completed", code);
    }
}
