using Preau.Core.Announcements;

namespace Preau.Web.Announcements;

/// <summary>An announcement as the API shows it: the body sanitised.</summary>
internal sealed record AnnouncementDto(
    string Id,
    string Title,
    string Body,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Author,
    string AuthorLogin,
    IReadOnlyList<string> Profiles)
{
    public static AnnouncementDto Of(Announcement a, AnnouncementHtml html) =>
        new(a.Id, a.Title, html.Render(a.Body), a.Start, a.End, a.AuthorName, a.AuthorLogin, a.Profiles.Select(p => p.ToString()).ToArray());
}
