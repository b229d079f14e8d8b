using Preau.Core.Preferences;

namespace Preau.Core.Storage;

/// <summary>Users' own preferences (signature, language), by account id.</summary>
public interface IPreferencesStore
{
    /// <summary>The saved preferences of an account, or null when it never saved any.</summary>
    UserPreferences? LoadPreferences(string accountId);

    /// <summary>Saves an account's preferences.</summary>
    void SavePreferences(string accountId, UserPreferences preferences);
}
