namespace Preau.Core.Mail.Webmail;

/// <summary>What a message list is sorted by.</summary>
public enum ListingSort
{
    /// <summary>The message's date (its Date: header, else its arrival).</summary>
    Date,

    /// <summary>The sender's name, else address (accents and case folded).</summary>
    From,

    /// <summary>The subject without its "Re:", "Fwd:", "TR:" prefixes (accents and case folded).</summary>
    Subject,

    /// <summary>The size in octets.</summary>
    Size,
}

/// <summary>One page of a folder's messages: sort, window and filters.</summary>
/// <param name="Sort">The sort key; ties go by UID.</param>
/// <param name="Descending">Largest first (newest first for <see cref="ListingSort.Date"/>).</param>
/// <param name="Offset">Messages skipped, after filtering and sorting.</param>
/// <param name="Limit">Messages returned at most.</param>
/// <param name="Text">Text searched in the header and body (as IMAP SEARCH TEXT), or null.</param>
/// <param name="UnreadOnly">Only messages without \Seen.</param>
/// <param name="FlaggedOnly">Only messages with \Flagged.</param>
public sealed record ListingQuery(
    ListingSort Sort = ListingSort.Date,
    bool Descending = true,
    int Offset = 0,
    int Limit = 50,
    string? Text = null,
    bool UnreadOnly = false,
    bool FlaggedOnly = false);

/// <summary>A message as a list shows it.</summary>
/// <param name="Entry">The stored entry (flags, size, UID).</param>
/// <param name="From">The first sender, or null.</param>
/// <param name="To">The To: addresses.</param>
/// <param name="Date">The Date: header, else the arrival.</param>
public sealed record ListedMessage(MessageEntry Entry, PersonAddress? From, IReadOnlyList<PersonAddress> To, DateTimeOffset Date);

/// <summary>A page of a list.</summary>
/// <param name="Total">Messages matching the filters, all pages together.</param>
/// <param name="Items">This page, in order.</param>
public sealed record ListingPage(int Total, IReadOnlyList<ListedMessage> Items);

/// <summary>A folder's counts.</summary>
/// <param name="Total">Messages.</param>
/// <param name="Unread">Messages without \Seen.</param>
public sealed record FolderCounts(int Total, int Unread);
