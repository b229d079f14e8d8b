using Preau.Core.Announcements;

namespace Preau.Core.Storage;

/// <summary>Home-page announcements, kept across restarts.</summary>
public interface IAnnouncementStore
{
    /// <summary>Every announcement stored.</summary>
    IReadOnlyList<Announcement> LoadAnnouncements();

    /// <summary>Adds or replaces one announcement.</summary>
    void SaveAnnouncement(Announcement announcement);

    /// <summary>Removes one announcement; false when there was none with this id.</summary>
    bool DeleteAnnouncement(string id);
}
