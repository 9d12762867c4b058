/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["modescope_example"] || ($protobuf.roots["modescope_example"] = {});

export const modescope = $root.modescope = (() => {

    /**
     * Namespace modescope.
     * @exports modescope
     * @namespace
     */
    const modescope = {};

    modescope.tf = (function() {

        /**
         * Namespace tf.
         * @memberof modescope
         * @namespace
         */
        const tf = {};

        tf.BytesList = (function() {

            /**
             * Properties of a BytesList.
             * @typedef {Object} modescope.tf.BytesList.$Properties
             * @property {Array.<Uint8Array>|null} [value] BytesList value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BytesList.
             * @memberof modescope.tf
             * @interface IBytesList
             * @augments modescope.tf.BytesList.$Properties
             * @deprecated Use modescope.tf.BytesList.$Properties instead.
             */

            /**
             * Shape of a BytesList.
             * @typedef {modescope.tf.BytesList.$Properties} modescope.tf.BytesList.$Shape
             */

            /**
             * Constructs a new BytesList.
             * @memberof modescope.tf
             * @classdesc Represents a BytesList.
             * @constructor
             * @param {modescope.tf.BytesList.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BytesList = function (p) {
                this.value = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * BytesList value.
             * @member {Array.<Uint8Array>} value
             * @memberof modescope.tf.BytesList
             * @instance
             */
            BytesList.prototype.value = $util.emptyArray;

            /**
             * Creates a new BytesList instance using the specified properties.
             * @function create
             * @memberof modescope.tf.BytesList
             * @static
             * @param {modescope.tf.BytesList.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.BytesList} BytesList instance
             * @type {{
             *   (properties: modescope.tf.BytesList.$Shape): modescope.tf.BytesList & modescope.tf.BytesList.$Shape;
             *   (properties?: modescope.tf.BytesList.$Properties): modescope.tf.BytesList;
             * }}
             */
            BytesList.create = function(properties) {
                return new BytesList(properties);
            };

            /**
             * Encodes the specified BytesList message. Does not implicitly {@link modescope.tf.BytesList.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.BytesList
             * @static
             * @param {modescope.tf.BytesList.$Properties} m BytesList message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BytesList.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.value != null && m.value.length) {
                    for (var i = 0; i < m.value.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).bytes(m.value[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a BytesList message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.BytesList
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.BytesList & modescope.tf.BytesList.$Shape} BytesList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BytesList.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.BytesList();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.value && m.value.length))
                                m.value = [];
                            m.value.push(r.bytes());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for BytesList
             * @function getTypeUrl
             * @memberof modescope.tf.BytesList
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BytesList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.BytesList";
            };

            return BytesList;
        })();

        tf.FloatList = (function() {

            /**
             * Properties of a FloatList.
             * @typedef {Object} modescope.tf.FloatList.$Properties
             * @property {Array.<number>|null} [value] FloatList value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FloatList.
             * @memberof modescope.tf
             * @interface IFloatList
             * @augments modescope.tf.FloatList.$Properties
             * @deprecated Use modescope.tf.FloatList.$Properties instead.
             */

            /**
             * Shape of a FloatList.
             * @typedef {modescope.tf.FloatList.$Properties} modescope.tf.FloatList.$Shape
             */

            /**
             * Constructs a new FloatList.
             * @memberof modescope.tf
             * @classdesc Represents a FloatList.
             * @constructor
             * @param {modescope.tf.FloatList.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FloatList = function (p) {
                this.value = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FloatList value.
             * @member {Array.<number>} value
             * @memberof modescope.tf.FloatList
             * @instance
             */
            FloatList.prototype.value = $util.emptyArray;

            /**
             * Creates a new FloatList instance using the specified properties.
             * @function create
             * @memberof modescope.tf.FloatList
             * @static
             * @param {modescope.tf.FloatList.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.FloatList} FloatList instance
             * @type {{
             *   (properties: modescope.tf.FloatList.$Shape): modescope.tf.FloatList & modescope.tf.FloatList.$Shape;
             *   (properties?: modescope.tf.FloatList.$Properties): modescope.tf.FloatList;
             * }}
             */
            FloatList.create = function(properties) {
                return new FloatList(properties);
            };

            /**
             * Encodes the specified FloatList message. Does not implicitly {@link modescope.tf.FloatList.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.FloatList
             * @static
             * @param {modescope.tf.FloatList.$Properties} m FloatList message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FloatList.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.value != null && m.value.length) {
                    w.uint32(/* id 1, wireType 2 =*/10).floats(m.value);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a FloatList message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.FloatList
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.FloatList & modescope.tf.FloatList.$Shape} FloatList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FloatList.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.FloatList();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u === 2) {
                                if (!(m.value && m.value.length))
                                    m.value = [];
                                r.floats(m.value);
                                continue;
                            }
                            if (u !== 5)
                                break;
                            if (!(m.value && m.value.length))
                                m.value = [];
                            m.value.push(r.float());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for FloatList
             * @function getTypeUrl
             * @memberof modescope.tf.FloatList
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FloatList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.FloatList";
            };

            return FloatList;
        })();

        tf.Int64List = (function() {

            /**
             * Properties of an Int64List.
             * @typedef {Object} modescope.tf.Int64List.$Properties
             * @property {Array.<number>|null} [value] Int64List value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Int64List.
             * @memberof modescope.tf
             * @interface IInt64List
             * @augments modescope.tf.Int64List.$Properties
             * @deprecated Use modescope.tf.Int64List.$Properties instead.
             */

            /**
             * Shape of an Int64List.
             * @typedef {modescope.tf.Int64List.$Properties} modescope.tf.Int64List.$Shape
             */

            /**
             * Constructs a new Int64List.
             * @memberof modescope.tf
             * @classdesc Represents an Int64List.
             * @constructor
             * @param {modescope.tf.Int64List.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Int64List = function (p) {
                this.value = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Int64List value.
             * @member {Array.<number>} value
             * @memberof modescope.tf.Int64List
             * @instance
             */
            Int64List.prototype.value = $util.emptyArray;

            /**
             * Creates a new Int64List instance using the specified properties.
             * @function create
             * @memberof modescope.tf.Int64List
             * @static
             * @param {modescope.tf.Int64List.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.Int64List} Int64List instance
             * @type {{
             *   (properties: modescope.tf.Int64List.$Shape): modescope.tf.Int64List & modescope.tf.Int64List.$Shape;
             *   (properties?: modescope.tf.Int64List.$Properties): modescope.tf.Int64List;
             * }}
             */
            Int64List.create = function(properties) {
                return new Int64List(properties);
            };

            /**
             * Encodes the specified Int64List message. Does not implicitly {@link modescope.tf.Int64List.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.Int64List
             * @static
             * @param {modescope.tf.Int64List.$Properties} m Int64List message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Int64List.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.value != null && m.value.length) {
                    w.uint32(/* id 1, wireType 2 =*/10).int64s(m.value);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Int64List message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.Int64List
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.Int64List & modescope.tf.Int64List.$Shape} Int64List
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Int64List.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.Int64List();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u === 2) {
                                if (!(m.value && m.value.length))
                                    m.value = [];
                                r.int64s(m.value);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.value && m.value.length))
                                m.value = [];
                            m.value.push(r.int64());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Int64List
             * @function getTypeUrl
             * @memberof modescope.tf.Int64List
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Int64List.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.Int64List";
            };

            return Int64List;
        })();

        tf.Feature = (function() {

            /**
             * Properties of a Feature.
             * @typedef {Object} modescope.tf.Feature.$Properties
             * @property {modescope.tf.BytesList.$Properties|null} [bytesList] Feature bytesList
             * @property {modescope.tf.FloatList.$Properties|null} [floatList] Feature floatList
             * @property {modescope.tf.Int64List.$Properties|null} [int64List] Feature int64List
             * @property {"bytesList"|"floatList"|"int64List"} [kind] Feature kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Feature.
             * @memberof modescope.tf
             * @interface IFeature
             * @augments modescope.tf.Feature.$Properties
             * @deprecated Use modescope.tf.Feature.$Properties instead.
             */

            /**
             * Narrowed shape of a Feature.
             * @typedef {{
             *   bytesList?: modescope.tf.BytesList.$Shape|null;
             *   floatList?: modescope.tf.FloatList.$Shape|null;
             *   int64List?: modescope.tf.Int64List.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; bytesList?: null; floatList?: null; int64List?: null }|{ kind?: "bytesList"; bytesList: modescope.tf.BytesList.$Shape; floatList?: null; int64List?: null }|{ kind?: "floatList"; bytesList?: null; floatList: modescope.tf.FloatList.$Shape; int64List?: null }|{ kind?: "int64List"; bytesList?: null; floatList?: null; int64List: modescope.tf.Int64List.$Shape })
             * )} modescope.tf.Feature.$Shape
             */

            /**
             * Constructs a new Feature.
             * @memberof modescope.tf
             * @classdesc Represents a Feature.
             * @constructor
             * @param {modescope.tf.Feature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Feature = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Feature bytesList.
             * @member {modescope.tf.BytesList.$Properties|null|undefined} bytesList
             * @memberof modescope.tf.Feature
             * @instance
             */
            Feature.prototype.bytesList = null;

            /**
             * Feature floatList.
             * @member {modescope.tf.FloatList.$Properties|null|undefined} floatList
             * @memberof modescope.tf.Feature
             * @instance
             */
            Feature.prototype.floatList = null;

            /**
             * Feature int64List.
             * @member {modescope.tf.Int64List.$Properties|null|undefined} int64List
             * @memberof modescope.tf.Feature
             * @instance
             */
            Feature.prototype.int64List = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Feature kind.
             * @member {"bytesList"|"floatList"|"int64List"|undefined} kind
             * @memberof modescope.tf.Feature
             * @instance
             */
            $Object.defineProperty(Feature.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["bytesList", "floatList", "int64List"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Feature instance using the specified properties.
             * @function create
             * @memberof modescope.tf.Feature
             * @static
             * @param {modescope.tf.Feature.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.Feature} Feature instance
             * @type {{
             *   (properties: modescope.tf.Feature.$Shape): modescope.tf.Feature & modescope.tf.Feature.$Shape;
             *   (properties?: modescope.tf.Feature.$Properties): modescope.tf.Feature;
             * }}
             */
            Feature.create = function(properties) {
                return new Feature(properties);
            };

            /**
             * Encodes the specified Feature message. Does not implicitly {@link modescope.tf.Feature.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.Feature
             * @static
             * @param {modescope.tf.Feature.$Properties} m Feature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Feature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.bytesList != null && $Object.hasOwnProperty.call(m, "bytesList"))
                    $root.modescope.tf.BytesList.encode(m.bytesList, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.floatList != null && $Object.hasOwnProperty.call(m, "floatList"))
                    $root.modescope.tf.FloatList.encode(m.floatList, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.int64List != null && $Object.hasOwnProperty.call(m, "int64List"))
                    $root.modescope.tf.Int64List.encode(m.int64List, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Feature message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.Feature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.Feature & modescope.tf.Feature.$Shape} Feature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Feature.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.Feature();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.bytesList = $root.modescope.tf.BytesList.decode(r, r.size(), $undefined, q + 1, m.bytesList);
                            m.kind = "bytesList";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.floatList = $root.modescope.tf.FloatList.decode(r, r.size(), $undefined, q + 1, m.floatList);
                            m.kind = "floatList";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.int64List = $root.modescope.tf.Int64List.decode(r, r.size(), $undefined, q + 1, m.int64List);
                            m.kind = "int64List";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Feature
             * @function getTypeUrl
             * @memberof modescope.tf.Feature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Feature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.Feature";
            };

            return Feature;
        })();

        tf.Features = (function() {

            /**
             * Properties of a Features.
             * @typedef {Object} modescope.tf.Features.$Properties
             * @property {Object.<string,modescope.tf.Feature.$Properties>|null} [feature] Features feature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Features.
             * @memberof modescope.tf
             * @interface IFeatures
             * @augments modescope.tf.Features.$Properties
             * @deprecated Use modescope.tf.Features.$Properties instead.
             */

            /**
             * Shape of a Features.
             * @typedef {{
             *   feature?: Object.<string,modescope.tf.Feature.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} modescope.tf.Features.$Shape
             */

            /**
             * Constructs a new Features.
             * @memberof modescope.tf
             * @classdesc Represents a Features.
             * @constructor
             * @param {modescope.tf.Features.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Features = function (p) {
                this.feature = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Features feature.
             * @member {Object.<string,modescope.tf.Feature.$Properties>} feature
             * @memberof modescope.tf.Features
             * @instance
             */
            Features.prototype.feature = $util.emptyObject;

            /**
             * Creates a new Features instance using the specified properties.
             * @function create
             * @memberof modescope.tf.Features
             * @static
             * @param {modescope.tf.Features.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.Features} Features instance
             * @type {{
             *   (properties: modescope.tf.Features.$Shape): modescope.tf.Features & modescope.tf.Features.$Shape;
             *   (properties?: modescope.tf.Features.$Properties): modescope.tf.Features;
             * }}
             */
            Features.create = function(properties) {
                return new Features(properties);
            };

            /**
             * Encodes the specified Features message. Does not implicitly {@link modescope.tf.Features.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.Features
             * @static
             * @param {modescope.tf.Features.$Properties} m Features message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Features.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.feature != null && $Object.hasOwnProperty.call(m, "feature")) {
                    for (var ks = $Object.keys(m.feature), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]);
                        $root.modescope.tf.Feature.encode(m.feature[ks[i]], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Features message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.Features
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.Features & modescope.tf.Features.$Shape} Features
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Features.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.Features();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (m.feature === $util.emptyObject)
                                m.feature = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = null;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = $root.modescope.tf.Feature.decode(r, r.size(), $undefined, q + 1, v);
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.feature, k);
                            m.feature[k] = v || new $root.modescope.tf.Feature();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Features
             * @function getTypeUrl
             * @memberof modescope.tf.Features
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Features.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.Features";
            };

            return Features;
        })();

        tf.Example = (function() {

            /**
             * Properties of an Example.
             * @typedef {Object} modescope.tf.Example.$Properties
             * @property {modescope.tf.Features.$Properties|null} [features] Example features
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Example.
             * @memberof modescope.tf
             * @interface IExample
             * @augments modescope.tf.Example.$Properties
             * @deprecated Use modescope.tf.Example.$Properties instead.
             */

            /**
             * Shape of an Example.
             * @typedef {{
             *   features?: modescope.tf.Features.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} modescope.tf.Example.$Shape
             */

            /**
             * Constructs a new Example.
             * @memberof modescope.tf
             * @classdesc Represents an Example.
             * @constructor
             * @param {modescope.tf.Example.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Example = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Example features.
             * @member {modescope.tf.Features.$Properties|null|undefined} features
             * @memberof modescope.tf.Example
             * @instance
             */
            Example.prototype.features = null;

            /**
             * Creates a new Example instance using the specified properties.
             * @function create
             * @memberof modescope.tf.Example
             * @static
             * @param {modescope.tf.Example.$Properties=} [properties] Properties to set
             * @returns {modescope.tf.Example} Example instance
             * @type {{
             *   (properties: modescope.tf.Example.$Shape): modescope.tf.Example & modescope.tf.Example.$Shape;
             *   (properties?: modescope.tf.Example.$Properties): modescope.tf.Example;
             * }}
             */
            Example.create = function(properties) {
                return new Example(properties);
            };

            /**
             * Encodes the specified Example message. Does not implicitly {@link modescope.tf.Example.verify|verify} messages.
             * @function encode
             * @memberof modescope.tf.Example
             * @static
             * @param {modescope.tf.Example.$Properties} m Example message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Example.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.features != null && $Object.hasOwnProperty.call(m, "features"))
                    $root.modescope.tf.Features.encode(m.features, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Example message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.tf.Example
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.tf.Example & modescope.tf.Example.$Shape} Example
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Example.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.modescope.tf.Example();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.features = $root.modescope.tf.Features.decode(r, r.size(), $undefined, q + 1, m.features);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Example
             * @function getTypeUrl
             * @memberof modescope.tf.Example
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Example.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.tf.Example";
            };

            return Example;
        })();

        return tf;
    })();

    return modescope;
})();

export {
  $root as default
};
