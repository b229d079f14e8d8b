using System.Collections.Immutable;

namespace Preau.Core.Extensions;

/// <summary>The places where code outside Core (the plugin host) adds behaviour to the mail path:
/// submission hooks, recipient list providers and delivery observers. Readers take a snapshot
/// (an immutable array) on every use, so adding or removing one never blocks or disturbs a
/// message in flight.</summary>
public sealed class ExtensionPoints
{
    private readonly Lock _lock = new();
    private ImmutableArray<ISubmissionHook> _hooks = [];
    private ImmutableArray<IRecipientListProvider> _lists = [];
    private ImmutableArray<IDeliveryObserver> _observers = [];

    /// <summary>The submission hooks, in the order they run.</summary>
    public ImmutableArray<ISubmissionHook> SubmissionHooks => _hooks;

    /// <summary>The recipient list providers, asked in order.</summary>
    public ImmutableArray<IRecipientListProvider> RecipientLists => _lists;

    /// <summary>The delivery observers.</summary>
    public ImmutableArray<IDeliveryObserver> DeliveryObservers => _observers;

    /// <summary>Adds a submission hook (runs after those already added).</summary>
    public void Add(ISubmissionHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_lock)
        {
            _hooks = _hooks.Add(hook);
        }
    }

    /// <summary>Adds a recipient list provider.</summary>
    public void Add(IRecipientListProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (_lock)
        {
            _lists = _lists.Add(provider);
        }
    }

    /// <summary>Adds a delivery observer.</summary>
    public void Add(IDeliveryObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock)
        {
            _observers = _observers.Add(observer);
        }
    }

    /// <summary>Removes a submission hook; messages already past it are not affected.</summary>
    public void Remove(ISubmissionHook hook)
    {
        lock (_lock)
        {
            _hooks = _hooks.Remove(hook);
        }
    }

    /// <summary>Removes a recipient list provider.</summary>
    public void Remove(IRecipientListProvider provider)
    {
        lock (_lock)
        {
            _lists = _lists.Remove(provider);
        }
    }

    /// <summary>Removes a delivery observer.</summary>
    public void Remove(IDeliveryObserver observer)
    {
        lock (_lock)
        {
            _observers = _observers.Remove(observer);
        }
    }
}
