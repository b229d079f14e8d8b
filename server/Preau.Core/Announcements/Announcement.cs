using Preau.Core.Accounts;

namespace Preau.Core.Announcements;

/// <summary>A home-page announcement: shown to the accounts of its audience between its start and its end.</summary>
/// <param name="Id">Opaque, stable identifier.</param>
/// <param name="Title">Plain text title.</param>
/// <param name="Body">HTML as the author wrote it; front ends sanitise it when they render it.</param>
/// <param name="Start">Shown from this moment.</param>
/// <param name="End">Shown until this moment (excluded).</param>
/// <param name="Profiles">The audience; empty means every profile.</param>
/// <param name="AuthorLogin">Who published it.</param>
/// <param name="AuthorName">The author's display name at publication.</param>
/// <param name="Created">When it was published.</param>
public sealed record Announcement(
    string Id,
    string Title,
    string Body,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<Profile> Profiles,
    string AuthorLogin,
    string AuthorName,
    DateTimeOffset Created)
{
    /// <summary>Whether <paramref name="account"/> is in the audience.</summary>
    public bool IsFor(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Profiles.Count == 0 || Profiles.Contains(account.Profile);
    }

    /// <summary>Whether it is shown at <paramref name="now"/>.</summary>
    public bool IsCurrent(DateTimeOffset now) => now >= Start && now < End;
}
