using LiteDB;
using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Preferences;

namespace Preau.Storage.LiteDb;

/// <summary>A home-page announcement; the id is the Core id.</summary>
internal sealed class AnnouncementDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public long Start { get; set; }

    public long End { get; set; }

    public List<Profile> Profiles { get; set; } = [];

    public string AuthorLogin { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public long Created { get; set; }

    public static AnnouncementDoc Of(Announcement a) => new()
    {
        Id = a.Id,
        Title = a.Title,
        Body = a.Body,
        Start = Ticks.Of(a.Start),
        End = Ticks.Of(a.End),
        Profiles = [.. a.Profiles],
        AuthorLogin = a.AuthorLogin,
        AuthorName = a.AuthorName,
        Created = Ticks.Of(a.Created),
    };

    public Announcement ToRecord() =>
        new(Id, Title, Body, Ticks.ToDate(Start), Ticks.ToDate(End), Profiles, AuthorLogin, AuthorName, Ticks.ToDate(Created));
}

/// <summary>A user's preferences; the id is the account id.</summary>
internal sealed class PreferencesDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Signature { get; set; } = "";

    public string Language { get; set; } = UserPreferences.French;

    public static PreferencesDoc Of(string accountId, UserPreferences p) => new() { Id = accountId, Signature = p.Signature, Language = p.Language };

    public UserPreferences ToRecord() => new(Signature, Language);
}

/// <summary>The administrator's replacements of the rule table: each part as the JSON of its words
/// (<c>RuleInput</c>…), null when not replaced. One document.</summary>
internal sealed class PolicyOverridesDoc
{
    /// <summary>The id of the only document.</summary>
    public const string SingleId = "current";

    [BsonId(false)]
    public string Id { get; set; } = SingleId;

    public string? Rules { get; set; }

    public string? ListRules { get; set; }

    public string? RateLimits { get; set; }
}
