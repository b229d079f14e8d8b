using Preau.Core.Policy;

namespace Preau.Core.Storage;

/// <summary>The administrator's runtime policy switches, kept across restarts.</summary>
public interface IPolicyStateStore
{
    /// <summary>The saved state, or the default state when none was saved.</summary>
    PolicyState Load();

    /// <summary>Saves the state.</summary>
    void Save(PolicyState state);
}
