using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using LiteDB;

namespace Preau.Storage.LiteDb;

/// <summary>Stands between the store and every LiteDB object it uses (collections, queries, readers): each
/// call first checks that the calling thread holds the store's gate, and the sequences LiteDB returns lazily
/// are checked the same way at every step. A LiteDB call or a lazy enumeration outside the gate fails at
/// once with <see cref="InvalidOperationException"/> instead of racing (see LiteDbStore.Gate.cs).</summary>
/// <remarks>A collection's proxy also follows the store's reopenings: it asks the store for the collection
/// of the database open at the time of the call. Not sealed, with a public constructor: DispatchProxy
/// derives the proxy type from it.</remarks>
internal class GatedProxy : DispatchProxy
{
    private static readonly Assembly LiteDb = typeof(ILiteDatabase).Assembly;

    // How to wrap what a method returns, per declared return type (null: returned as it is).
    private static readonly ConcurrentDictionary<Type, Func<object, LiteDbStore, object>?> Wrappers = new();

    private LiteDbStore _store = null!;
    private Func<object>? _resolve;
    private object? _target;
    private int _generation = -1;

    /// <summary>A collection of the store's database, resolved again after each reopening.</summary>
    public static ILiteCollection<T> Collection<T>(LiteDbStore store, string name)
    {
        var proxy = DispatchProxy.Create<ILiteCollection<T>, GatedProxy>();
        var gated = (GatedProxy)(object)proxy;
        gated._store = store;
        gated._resolve = () => store.Database.GetCollection<T>(name);
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _store.EnsureInsideGate();
        object? result;
        try
        {
            result = targetMethod.Invoke(Target(), args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return result is null ? null : Wrappers.GetOrAdd(targetMethod.ReturnType, WrapperOf)?.Invoke(result, _store) ?? result;
    }

    private object Target()
    {
        if (_resolve is null)
        {
            return _target!;
        }

        // Only ever called under the gate, where reopenings happen too: no race on these fields.
        var generation = _store.Generation;
        if (_target is null || generation != _generation)
        {
            _target = _resolve();
            _generation = generation;
        }

        return _target;
    }

    private static Func<object, LiteDbStore, object>? WrapperOf(Type returned)
    {
        if (returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var create = typeof(GatedProxy).GetMethod(nameof(Sequence), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returned.GetGenericArguments());
            return (Func<object, LiteDbStore, object>)create.CreateDelegate(typeof(Func<object, LiteDbStore, object>));
        }

        // Queries, query results, data readers: the same checks on their own calls.
        if (returned.IsInterface && returned.Assembly == LiteDb)
        {
            return (inner, store) =>
            {
                var proxy = DispatchProxy.Create(returned, typeof(GatedProxy));
                var gated = (GatedProxy)proxy;
                gated._store = store;
                gated._target = inner;
                return proxy;
            };
        }

        return null;
    }

    private static object Sequence<T>(object inner, LiteDbStore store) => new GatedSequence<T>((IEnumerable<T>)inner, store);

    /// <summary>A lazy LiteDB sequence that may only be enumerated under the gate.</summary>
    private sealed class GatedSequence<T>(IEnumerable<T> inner, LiteDbStore store) : IEnumerable<T>
    {
        public IEnumerator<T> GetEnumerator()
        {
            store.EnsureInsideGate();
            return new Enumerator(inner.GetEnumerator(), store);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator(IEnumerator<T> inner, LiteDbStore store) : IEnumerator<T>
        {
            public T Current => inner.Current;

            object? IEnumerator.Current => Current;

            public bool MoveNext()
            {
                store.EnsureInsideGate();
                return inner.MoveNext();
            }

            public void Reset() => inner.Reset();

            // Ending a cursor releases LiteDB pages and its read transaction: always under the gate, even
            // when a caller broke the rule and its enumeration failed outside it.
            public void Dispose() => store.InsideGate(inner.Dispose);
        }
    }
}
