// The long-lived worker isolate that makes the slow C calls (model_load,
// phonemize) so the UI isolate never blocks. One worker serves every model
// of the app; it starts with the first model and stops when the last one is
// disposed. Models are plain addresses here: the loaded model is immutable
// and thread-safe (charsiug2p.h), and ownership stays with the UI isolate's
// CharsiuG2p object (see charsiug2p.dart).
import 'dart:async';
import 'dart:isolate';

import 'errors.dart';
import 'native_calls.dart';
import 'options.dart';
import 'result.dart';

sealed class _Request {
  _Request(this.id);
  final int id;
}

final class _Load extends _Request {
  _Load(super.id, this.directory, this.lexiconPath, this.cacheBytes);
  final String directory;
  final String? lexiconPath;
  final int cacheBytes;
}

final class _Phonemize extends _Request {
  _Phonemize(super.id, this.handles, this.words, this.langs, this.options);
  final NativeHandles handles;
  final List<String> words;
  final List<String> langs;
  final G2pOptions options;
}

final class _Reply {
  _Reply(this.id, this.value, this.error);
  final int id;
  final Object? value;

  /// A [CharsiuG2pException], or a description of anything else thrown.
  final Object? error;
}

class _Pending {
  _Pending(this.completer, this.keepAlive);
  final Completer<Object?> completer;

  /// The caller's model object, held until the reply: its NativeFinalizer
  /// cannot free the model while the worker still uses it.
  final Object? keepAlive;
}

/// Main-isolate side of the worker.
class G2pWorker {
  G2pWorker._(this._replies);

  static Future<G2pWorker>? _current;

  final ReceivePort _replies;
  late final SendPort _commands;
  final Map<int, _Pending> _pending = {};
  int _nextId = 0;
  int _users = 0;
  bool _stopped = false;

  /// The running worker (started on first use), counted as one more user.
  static Future<G2pWorker> acquire() async {
    final worker = await (_current ??= _spawn());
    worker._users++;
    return worker;
  }

  static Future<G2pWorker> _spawn() async {
    final replies = ReceivePort('charsiug2p replies');
    final worker = G2pWorker._(replies);
    final ready = Completer<void>();
    replies.listen((Object? msg) {
      if (msg is SendPort) {
        worker._commands = msg;
        ready.complete();
      } else if (msg is _Reply) {
        worker._onReply(msg);
      } else {
        // onError sends [error, stack]; onExit sends null.
        worker._fail(msg is List ? 'worker isolate failed: ${msg.first}' : 'worker isolate exited');
        if (!ready.isCompleted) ready.completeError(StateError('charsiug2p: worker did not start'));
      }
    });
    try {
      await Isolate.spawn(_workerMain, replies.sendPort,
          onError: replies.sendPort, onExit: replies.sendPort, debugName: 'charsiug2p');
      await ready.future;
    } catch (_) {
      _current = null;
      replies.close();
      rethrow;
    }
    return worker;
  }

  /// One user fewer; the worker stops when none is left and nothing is pending.
  void release() {
    _users--;
    _stopIfIdle();
  }

  Future<NativeHandles> load(String directory, String? lexiconPath, int cacheBytes) async =>
      await _call((id) => _Load(id, directory, lexiconPath, cacheBytes), null) as NativeHandles;

  Future<List<G2pWordResult>> phonemize(NativeHandles handles, List<String> words,
          List<String> langs, G2pOptions options, Object keepAlive) async =>
      (await _call((id) => _Phonemize(id, handles, words, langs, options), keepAlive) as List)
          .cast<G2pWordResult>();

  Future<Object?> _call(_Request Function(int id) make, Object? keepAlive) {
    if (_stopped) throw StateError('charsiug2p: the worker isolate has stopped');
    final id = _nextId++;
    final pending = _Pending(Completer<Object?>(), keepAlive);
    _pending[id] = pending;
    _commands.send(make(id));
    return pending.completer.future;
  }

  void _onReply(_Reply reply) {
    final pending = _pending.remove(reply.id);
    if (pending == null) return;
    final error = reply.error;
    if (error == null) {
      pending.completer.complete(reply.value);
    } else if (error is CharsiuG2pException) {
      pending.completer.completeError(error);
    } else {
      pending.completer.completeError(StateError('charsiug2p: $error'));
    }
    _stopIfIdle();
  }

  void _fail(String why) {
    _stopped = true;
    _current = null;
    for (final p in _pending.values) {
      p.completer.completeError(StateError('charsiug2p: $why'));
    }
    _pending.clear();
    _replies.close();
  }

  void _stopIfIdle() {
    if (_users > 0 || _pending.isNotEmpty || _stopped) return;
    _stopped = true;
    _current = null;
    _commands.send(null);
    _replies.close();
  }
}

/// Worker isolate entry point: serves requests until it receives null.
void _workerMain(SendPort replies) {
  final commands = ReceivePort('charsiug2p commands');
  replies.send(commands.sendPort);
  NativeG2p? native;
  commands.listen((Object? msg) {
    if (msg is! _Request) {
      commands.close();
      return;
    }
    try {
      final g2p = native ??= NativeG2p();
      final Object value;
      if (msg is _Load) {
        value = g2p.load(msg.directory, msg.lexiconPath, msg.cacheBytes);
      } else if (msg is _Phonemize) {
        value = g2p.phonemize(msg.handles, msg.words, msg.langs, msg.options);
      } else {
        throw StateError('unknown request ${msg.runtimeType}');
      }
      replies.send(_Reply(msg.id, value, null));
    } on CharsiuG2pException catch (e) {
      replies.send(_Reply(msg.id, null, e));
    } catch (e) {
      // Loader errors (library missing) and the like, as text: not every
      // object can cross isolates.
      replies.send(_Reply(msg.id, null, e.toString()));
    }
  });
}
