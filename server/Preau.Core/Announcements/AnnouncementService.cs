using System.Globalization;
using Preau.Core.Accounts;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Core.Announcements;

/// <summary>Home-page announcements: who may publish them (<see cref="CoreRights.PublishAnnouncement"/>,
/// checked here so that every way in, the webmail or a plugin, is held to it), who sees them, and
/// their record in the audit log.</summary>
/// <remarks>Announcements are few (a school posts a handful a week): they are kept in memory as an
/// immutable list, replaced after each change, and saved through <see cref="IAnnouncementStore"/>.</remarks>
public sealed class AnnouncementService
{
    /// <summary>Longest title, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest body, in characters of HTML.</summary>
    public const int MaxBodyLength = 50_000;

    /// <summary>How many announcements may be kept at once (past ones included).</summary>
    public const int MaxCount = 1000;

    private readonly IAnnouncementStore _store;
    private readonly RightsService _rights;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private volatile Announcement[] _all;

    /// <summary>Loads the stored announcements.</summary>
    public AnnouncementService(IAnnouncementStore store, RightsService rights, IAuditLog audit, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _rights = rights ?? throw new ArgumentNullException(nameof(rights));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _all = Sorted(store.LoadAnnouncements());
    }

    /// <summary>Every announcement, past, current and future, the latest start first.</summary>
    public IReadOnlyList<Announcement> All => _all;

    /// <summary>The announcements <paramref name="account"/> sees now: current, and for its profile.</summary>
    public IReadOnlyList<Announcement> VisibleTo(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = _time.GetUtcNow();
        return _all.Where(a => a.IsCurrent(now) && a.IsFor(account)).ToArray();
    }

    /// <summary>One announcement, or null.</summary>
    public Announcement? Find(string id) => _all.FirstOrDefault(a => a.Id == id);

    /// <summary>Publishes an announcement in <paramref name="author"/>'s name.</summary>
    /// <exception cref="AnnouncementException">The author lacks the right (<see cref="AnnouncementException.MissingRight"/>),
    /// or the draft is invalid (empty title, end before start or already past…).</exception>
    public Announcement Publish(Account author, AnnouncementDraft draft)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(draft);
        RequireRight(author);
        var title = (draft.Title ?? "").Trim();
        var body = (draft.Body ?? "").Trim();
        if (title.Length == 0 || title.Length > MaxTitleLength || title.Any(char.IsControl))
        {
            throw new AnnouncementException($"Le titre est obligatoire : une ligne d'au plus {MaxTitleLength} caractères.");
        }

        if (body.Length == 0 || body.Length > MaxBodyLength)
        {
            throw new AnnouncementException($"Le texte de l'annonce est obligatoire (au plus {MaxBodyLength} caractères).");
        }

        if (draft.End <= draft.Start)
        {
            throw new AnnouncementException("La date de fin doit suivre la date de début.");
        }

        var now = _time.GetUtcNow();
        if (draft.End <= now)
        {
            throw new AnnouncementException("La date de fin est déjà passée : l'annonce ne serait jamais affichée.");
        }

        var profiles = (draft.Profiles ?? []).Distinct().Order().ToArray();
        if (profiles.Any(p => !Enum.IsDefined(p)))
        {
            throw new AnnouncementException("Profil inconnu dans le public de l'annonce.");
        }

        var announcement = new Announcement(
            "ann-" + Guid.CreateVersion7().ToString("N"),
            title,
            body,
            draft.Start,
            draft.End,
            profiles,
            author.Login,
            author.DisplayName,
            now);
        lock (_lock)
        {
            if (_all.Length >= MaxCount)
            {
                throw new AnnouncementException($"Trop d'annonces enregistrées (au plus {MaxCount}) : supprimez les anciennes.");
            }

            _store.SaveAnnouncement(announcement);
            _all = Sorted([.. _all, announcement]);
        }

        var audience = profiles.Length == 0 ? "tous les profils" : string.Join(", ", profiles);
        Audit(author.Login, "announcement.publish", $"« {title} » ({announcement.Id}) pour {audience}, du {Moment(draft.Start)} au {Moment(draft.End)}");
        return announcement;
    }

    /// <summary>Removes an announcement.</summary>
    /// <exception cref="AnnouncementException">The actor lacks the right, or there is no such announcement
    /// (<see cref="AnnouncementException.NotFound"/>).</exception>
    public void Delete(Account actor, string id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireRight(actor);
        Announcement removed;
        lock (_lock)
        {
            removed = _all.FirstOrDefault(a => a.Id == id)
                ?? throw new AnnouncementException($"Aucune annonce « {id} ».") { NotFound = true };
            _store.DeleteAnnouncement(removed.Id);
            _all = _all.Where(a => a.Id != removed.Id).ToArray();
        }

        Audit(actor.Login, "announcement.delete", $"« {removed.Title} » ({removed.Id})");
    }

    private void RequireRight(Account account)
    {
        var decision = _rights.Check(account, CoreRights.PublishAnnouncement);
        if (!decision.Allowed)
        {
            throw new AnnouncementException(decision.Reason) { MissingRight = CoreRights.PublishAnnouncement };
        }
    }

    private static Announcement[] Sorted(IEnumerable<Announcement> announcements) =>
        announcements.OrderByDescending(a => a.Start).ThenByDescending(a => a.Created).ToArray();

    private string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private void Audit(string actor, string action, string detail) =>
        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, action, detail));
}
