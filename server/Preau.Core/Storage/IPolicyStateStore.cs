using Preau.Core.Policy;

namespace Preau.Core.Storage;

/// <summary>The administrator's runtime policy switches and rule-table replacements, kept across restarts.</summary>
public interface IPolicyStateStore
{
    /// <summary>The saved state, or the default state when none was saved.</summary>
    PolicyState Load();

    /// <summary>Saves the state.</summary>
    void Save(PolicyState state);

    /// <summary>The administrator's replacements for the configured rule table, or <see cref="PolicyOverrides.None"/>.</summary>
    PolicyOverrides LoadOverrides();

    /// <summary>Saves the replacements.</summary>
    void SaveOverrides(PolicyOverrides overrides);
}
