using Preau.Core.Search;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>The messages of one mailbox whose ownership was checked once (<see cref="MailboxService.Reader"/>).
/// An entry of any other mailbox is refused as not found.</summary>
public sealed class MailboxReader
{
    private readonly string _mailboxId;
    private readonly IBlobStore _blobs;
    private readonly SearchIndex? _search;

    internal MailboxReader(string mailboxId, IBlobStore blobs, SearchIndex? search)
    {
        _mailboxId = mailboxId;
        _blobs = blobs;
        _search = search;
    }

    /// <summary>The raw message.</summary>
    /// <param name="entry">An entry of this mailbox.</param>
    public Stream Open(MessageEntry entry) => _blobs.Open(Checked(entry));

    /// <summary>The message's folded text for search, from the search index when there is one.</summary>
    /// <param name="entry">An entry of this mailbox.</param>
    public FoldedText Text(MessageEntry entry)
    {
        var hash = Checked(entry);
        return _search is not null ? _search.Get(hash) : SearchIndex.Read(_blobs, hash);
    }

    private string Checked(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.MailboxId == _mailboxId
            ? entry.BlobHash
            : throw new MailboxStoreException(MailboxError.NotFound, "no such mailbox");
    }
}
