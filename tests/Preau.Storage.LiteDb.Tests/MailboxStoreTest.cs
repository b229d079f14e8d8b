using NUnit.Framework.Constraints;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>Helpers for the <see cref="IMailboxStore"/> tests.</summary>
public abstract class MailboxStoreTest : TempFolderTest
{
    /// <summary>A <see cref="MailboxStoreException"/> with this error.</summary>
    protected static IResolveConstraint Refused(MailboxError error) =>
        Throws.TypeOf<MailboxStoreException>().With.Property(nameof(MailboxStoreException.Error)).EqualTo(error);

    /// <summary>Delivers <paramref name="count"/> messages (sizes 100, 101…) to a mailbox; returns their UIDs.</summary>
    protected static async Task<List<uint>> DeliverAsync(
        LiteDbStore store, string account, string mailbox, int count, MessageFlags flags = MessageFlags.None, int firstHash = 0)
    {
        var uids = new List<uint>();
        for (var i = 0; i < count; i++)
        {
            var batch = Batch(FakeHash(firstHash + i), new LocalDelivery(account, mailbox, flags)) with { Size = 100 + i };
            uids.Add((await store.CommitAsync(batch)).Single().Uid);
        }

        return uids;
    }

    protected static Mailbox Box(LiteDbStore store, string account, string name) =>
        store.FindMailbox(account, name) ?? throw new AssertionException($"no mailbox {name}");

    protected static MessageEntry Entry(LiteDbStore store, Mailbox mailbox, uint uid) =>
        store.GetMessages(mailbox.Id).Single(m => m.Uid == uid);
}
