using Preau.Core.Accounts;

namespace Preau.Core.Announcements;

/// <summary>What an author submits (the webmail form, the targeted-mail plugin).</summary>
/// <param name="Title">Plain text, required.</param>
/// <param name="Body">HTML, required.</param>
/// <param name="Start">Shown from.</param>
/// <param name="End">Shown until (after <paramref name="Start"/>, in the future).</param>
/// <param name="Profiles">The audience; empty means every profile.</param>
public sealed record AnnouncementDraft(string Title, string Body, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Profile> Profiles);
