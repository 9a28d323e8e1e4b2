"""C types (from libclang) to Dart FFI source in package:ffigen 9's layout.
Used by generate_bindings.py; knows nothing about any particular header."""
import sys

import clang.cindex as ci

from c_comments import doc_comment, trailing_comment

TK = ci.TypeKind

# ffigen maps these typedefs to fixed-size FFI types instead of following them.
STDINT = {
    "int8_t": "ffi.Int8", "int16_t": "ffi.Int16", "int32_t": "ffi.Int32", "int64_t": "ffi.Int64",
    "uint8_t": "ffi.Uint8", "uint16_t": "ffi.Uint16", "uint32_t": "ffi.Uint32",
    "uint64_t": "ffi.Uint64", "size_t": "ffi.Size", "intptr_t": "ffi.IntPtr",
    "uintptr_t": "ffi.UintPtr", "wchar_t": "ffi.WChar",
}
BUILTIN = {
    TK.VOID: "ffi.Void", TK.BOOL: "ffi.Bool", TK.CHAR_S: "ffi.Char", TK.CHAR_U: "ffi.Char",
    TK.SCHAR: "ffi.SignedChar", TK.UCHAR: "ffi.UnsignedChar", TK.SHORT: "ffi.Short",
    TK.USHORT: "ffi.UnsignedShort", TK.INT: "ffi.Int", TK.UINT: "ffi.UnsignedInt",
    TK.LONG: "ffi.Long", TK.ULONG: "ffi.UnsignedLong", TK.LONGLONG: "ffi.LongLong",
    TK.ULONGLONG: "ffi.UnsignedLongLong", TK.FLOAT: "ffi.Float", TK.DOUBLE: "ffi.Double",
}
INTEGERS = {v for k, v in BUILTIN.items() if k not in (TK.VOID, TK.BOOL, TK.FLOAT, TK.DOUBLE)}
INTEGERS |= set(STDINT.values())
FUNCTIONS = (TK.FUNCTIONPROTO, TK.FUNCTIONNOPROTO)

DART_KEYWORDS = set("""abstract as assert async await base break case catch class const continue
covariant default deferred do dynamic else enum export extends extension external factory false
final finally for function get hide if implements import in interface is late library mixin new
null of on operator part required rethrow return sealed set show static super switch sync this
throw true try type typedef var void when while with yield""".split())


def fail(msg):
    sys.exit(f"error: {msg}")


class Emitter:
    def __init__(self, class_name, description, preamble):
        self.class_name = class_name
        self.description = description.strip()
        self.preamble = preamble.rstrip()
        self.members = []    # rendered wrapper functions
        self.addresses = []  # (name, native pointer type)
        self.structs = {}    # name -> rendered class (None while being rendered)
        self.typedefs = {}   # name -> rendered typedef
        self.enums = []
        self.constants = []

    # ------------------------------------------------------------- types
    def native(self, t):
        """The dart:ffi NativeType spelling of C type t."""
        k = t.kind
        if k == TK.ELABORATED:
            return self.native(t.get_named_type())
        if k == TK.TYPEDEF:
            decl = t.get_declaration()
            if decl.spelling in STDINT:
                return STDINT[decl.spelling]
            under = decl.underlying_typedef_type
            named = under.get_named_type() if under.kind == TK.ELABORATED else under
            if named.kind == TK.POINTER and named.get_pointee().kind in FUNCTIONS:
                if decl.spelling not in self.typedefs:
                    self.typedefs[decl.spelling] = (
                        f"typedef {decl.spelling} = {self.native(named)};\n")
                return decl.spelling
            return self.native(under)
        if k == TK.POINTER:
            pointee = t.get_pointee()
            if pointee.kind in FUNCTIONS:
                return f"ffi.Pointer<ffi.NativeFunction<{self.signature(pointee, True)}>>"
            return f"ffi.Pointer<{self.native(pointee)}>"
        if k == TK.RECORD:
            return self.record(t)
        if k == TK.ENUM:
            return self.native(t.get_declaration().enum_type)
        if k in BUILTIN:
            return BUILTIN[k]
        fail(f"cannot translate C type '{t.spelling}' ({k})")

    def dart(self, native):
        """The Dart type a wrapper uses for a NativeType spelling."""
        if native == "ffi.Void":
            return "void"
        if native in INTEGERS:
            return "int"
        if native in ("ffi.Float", "ffi.Double"):
            return "double"
        if native == "ffi.Bool":
            return "bool"
        return native  # pointers, typedefs of function pointers, structs by value

    def signature(self, fn_type, native):
        ret = self.native(fn_type.get_result())
        args = [self.native(a) for a in fn_type.argument_types()] if fn_type.kind != TK.FUNCTIONNOPROTO else []
        if not native:
            ret, args = self.dart(ret), [self.dart(a) for a in args]
        return f"{ret} Function({', '.join(args)})"

    def record(self, t):
        decl = t.get_declaration()
        name = decl.spelling
        if not name or decl.kind != ci.CursorKind.STRUCT_DECL:
            fail(f"cannot translate '{t.spelling}': only named structs are supported")
        if name not in self.structs:
            self.struct(t)
        return name

    def struct(self, t):
        decl = t.get_declaration()
        name = decl.spelling
        if self.structs.get(name):
            return
        definition = decl.get_definition()
        if definition is None:
            self.structs[name] = f"final class {name} extends ffi.Opaque {{}}\n"
            return
        self.structs[name] = None
        fields = []
        for f in definition.get_children():
            if f.kind != ci.CursorKind.FIELD_DECL:
                continue
            doc = doc_comment(f, "  ") or trailing_comment(f, "  ")
            ft = f.type
            if ft.kind == TK.CONSTANTARRAY:
                dims, elem = [], ft
                while elem.kind == TK.CONSTANTARRAY:
                    dims.append(str(elem.element_count))
                    elem = elem.element_type
                native = self.native(elem)
                fields.append(f"{doc}  @ffi.Array.multi([{', '.join(dims)}])\n"
                              f"  external ffi.Array<{native}> {f.spelling};\n")
                continue
            if f.is_bitfield():
                fail(f"{name}.{f.spelling}: bit fields are not supported")
            native = self.native(ft)
            dart = self.dart(native)
            annotation = f"  @{native}()\n" if dart in ("int", "double", "bool") else ""
            fields.append(f"{doc}{annotation}  external {dart} {f.spelling};\n")
        doc = doc_comment(definition, "")
        self.structs[name] = (f"{doc}final class {name} extends ffi.Struct {{\n"
                              + "\n".join(fields) + "}\n")

    # ------------------------------------------------------ declarations
    def function(self, c, address):
        name = c.spelling
        native_ret = self.native(c.result_type)
        params = []
        for i, a in enumerate(c.get_arguments()):
            pname = a.spelling or f"arg{i}"
            if pname in DART_KEYWORDS:
                pname += "1"
            native = self.native(a.type)
            params.append((pname, native, self.dart(native)))
        native_sig = f"{native_ret} Function({', '.join(p[1] for p in params)})"
        dart_sig = f"{self.dart(native_ret)} Function({', '.join(p[2] for p in params)})"
        doc = doc_comment(c, "  ")
        if params:
            decl_params = "".join(f"    {p[2]} {p[0]},\n" for p in params)
            call_args = "".join(f"      {p[0]},\n" for p in params)
            body = (f"{doc}  {self.dart(native_ret)} {name}(\n{decl_params}  ) {{\n"
                    f"    return _{name}(\n{call_args}    );\n  }}\n")
        else:
            body = f"{doc}  {self.dart(native_ret)} {name}() {{\n    return _{name}();\n  }}\n"
        body += (f"\n  late final _{name}Ptr =\n"
                 f"      _lookup<ffi.NativeFunction<{native_sig}>>('{name}');\n"
                 f"  late final _{name} =\n      _{name}Ptr.asFunction<{dart_sig}>();\n")
        self.members.append(body)
        if address:
            self.addresses.append((name, f"ffi.Pointer<ffi.NativeFunction<{native_sig}>>"))

    def enum(self, c):
        lines = []
        for e in c.get_children():
            if e.kind == ci.CursorKind.ENUM_CONSTANT_DECL:
                doc = doc_comment(e, "  ") or trailing_comment(e, "  ")
                lines.append(f"{doc}  static const int {e.spelling} = {e.enum_value};\n")
        self.enums.append(f"{doc_comment(c, '')}abstract class {c.spelling} {{\n"
                          + "\n".join(lines) + "}\n")

    def constant(self, name, value):
        self.constants.append(f"const int {name} = {value};\n")

    # ------------------------------------------------------------ output
    def summary(self):
        return (f"{len(self.members)} functions, {len(self.structs)} structs, "
                f"{len(self.enums)} enums, {len(self.constants)} constants")

    def render(self):
        out = ["// AUTO GENERATED FILE, DO NOT EDIT.\n//\n"
               "// Generated by `flutter/tool/generate_bindings.py` from ffigen.yaml, in the\n"
               "// layout of `package:ffigen` 9 (`dart run ffigen` reads the same file).\n"]
        if self.preamble:
            out.append(self.preamble + "\n")
        out.append("// ignore_for_file: type=lint\nimport 'dart:ffi' as ffi;\n\n")
        doc = "".join(f"/// {line}".rstrip() + "\n" for line in self.description.splitlines())
        c = self.class_name
        out.append(
            f"{doc}class {c} {{\n"
            "  /// Holds the symbol lookup function.\n"
            "  final ffi.Pointer<T> Function<T extends ffi.NativeType>(String symbolName)\n"
            "      _lookup;\n\n"
            "  /// The symbols are looked up in [dynamicLibrary].\n"
            f"  {c}(ffi.DynamicLibrary dynamicLibrary)\n"
            "      : _lookup = dynamicLibrary.lookup;\n\n"
            "  /// The symbols are looked up with [lookup].\n"
            f"  {c}.fromLookup(\n"
            "      ffi.Pointer<T> Function<T extends ffi.NativeType>(String symbolName)\n"
            "          lookup)\n"
            "      : _lookup = lookup;\n\n")
        out.append("\n".join(self.members))
        if self.addresses:
            out.append("\n  late final addresses = _SymbolAddresses(this);\n")
        out.append("}\n")
        if self.addresses:
            out.append(f"\nclass _SymbolAddresses {{\n  final {c} _library;\n"
                       "  _SymbolAddresses(this._library);\n")
            for name, ptr in self.addresses:
                out.append(f"  {ptr}\n      get {name} => _library._{name}Ptr;\n")
            out.append("}\n")
        for block in [*self.structs.values(), *self.enums, *self.typedefs.values()]:
            out.append("\n" + block)
        if self.constants:
            out.append("\n" + "\n".join(self.constants))
        return "".join(out)
