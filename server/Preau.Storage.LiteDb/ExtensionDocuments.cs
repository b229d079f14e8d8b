using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

/// <summary>A message held by a submission hook.</summary>
internal sealed class HeldDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string BlobHash { get; set; } = "";

    public string MailFrom { get; set; } = "";

    public string? SenderId { get; set; }

    public List<string> LocalAccountIds { get; set; } = [];

    public List<string> External { get; set; } = [];

    public bool SentCopy { get; set; }

    public string Hook { get; set; } = "";

    public string Reason { get; set; } = "";

    public long HeldAt { get; set; }

    public string Subject { get; set; } = "";

    public long Size { get; set; }

    public static HeldDoc Of(HeldMessage m) => new()
    {
        Id = m.Id,
        BlobHash = m.BlobHash,
        MailFrom = m.MailFrom,
        SenderId = m.SenderId,
        LocalAccountIds = [.. m.LocalAccountIds],
        External = [.. m.External],
        SentCopy = m.SentCopy,
        Hook = m.Hook,
        Reason = m.Reason,
        HeldAt = Ticks.Of(m.HeldAt),
        Subject = m.Subject,
        Size = m.Size,
    };

    public HeldMessage ToRecord() =>
        new(Id, BlobHash, MailFrom, SenderId, LocalAccountIds, External, SentCopy, Hook, Reason, Ticks.ToDate(HeldAt), Subject, Size);
}

/// <summary>A namespaced JSON document; the id joins namespace, collection and key with U+001F,
/// a character no namespace or collection name may hold.</summary>
internal sealed class JsonDoc
{
    public const char Separator = '\u001f';

    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Space { get; set; } = "";

    /// <summary>Namespace and collection, the indexed field of a collection's listing.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public string Json { get; set; } = "";

    public static string ScopeOf(string space, string collection) => space + Separator + collection;

    public static string IdOf(string space, string collection, string key) => ScopeOf(space, collection) + Separator + key;
}
