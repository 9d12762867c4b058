/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const modescope = $root.modescope = (() => {

    /**
     * Namespace modescope.
     * @exports modescope
     * @namespace
     */
    const modescope = {};

    modescope.womd = (function() {

        /**
         * Namespace womd.
         * @memberof modescope
         * @namespace
         */
        const womd = {};

        womd.MapPoint = (function() {

            /**
             * Properties of a MapPoint.
             * @typedef {Object} modescope.womd.MapPoint.$Properties
             * @property {number|null} [x] MapPoint x
             * @property {number|null} [y] MapPoint y
             * @property {number|null} [z] MapPoint z
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MapPoint.
             * @memberof modescope.womd
             * @interface IMapPoint
             * @augments modescope.womd.MapPoint.$Properties
             * @deprecated Use modescope.womd.MapPoint.$Properties instead.
             */

            /**
             * Shape of a MapPoint.
             * @typedef {modescope.womd.MapPoint.$Properties} modescope.womd.MapPoint.$Shape
             */

            /**
             * Constructs a new MapPoint.
             * @memberof modescope.womd
             * @classdesc Represents a MapPoint.
             * @constructor
             * @param {modescope.womd.MapPoint.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MapPoint = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * MapPoint x.
             * @member {number} x
             * @memberof modescope.womd.MapPoint
             * @instance
             */
            MapPoint.prototype.x = 0;

            /**
             * MapPoint y.
             * @member {number} y
             * @memberof modescope.womd.MapPoint
             * @instance
             */
            MapPoint.prototype.y = 0;

            /**
             * MapPoint z.
             * @member {number} z
             * @memberof modescope.womd.MapPoint
             * @instance
             */
            MapPoint.prototype.z = 0;

            /**
             * Creates a new MapPoint instance using the specified properties.
             * @function create
             * @memberof modescope.womd.MapPoint
             * @static
             * @param {modescope.womd.MapPoint.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.MapPoint} MapPoint instance
             * @type {{
             *   (properties: modescope.womd.MapPoint.$Shape): modescope.womd.MapPoint & modescope.womd.MapPoint.$Shape;
             *   (properties?: modescope.womd.MapPoint.$Properties): modescope.womd.MapPoint;
             * }}
             */
            MapPoint.create = function(properties) {
                return new MapPoint(properties);
            };

            /**
             * Encodes the specified MapPoint message. Does not implicitly {@link modescope.womd.MapPoint.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.MapPoint
             * @static
             * @param {modescope.womd.MapPoint.$Properties} m MapPoint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MapPoint.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.x != null && $Object.hasOwnProperty.call(m, "x"))
                    w.uint32(/* id 1, wireType 1 =*/9).double(m.x);
                if (m.y != null && $Object.hasOwnProperty.call(m, "y"))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.y);
                if (m.z != null && $Object.hasOwnProperty.call(m, "z"))
                    w.uint32(/* id 3, wireType 1 =*/25).double(m.z);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a MapPoint message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.MapPoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.MapPoint & modescope.womd.MapPoint.$Shape} MapPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MapPoint.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.MapPoint();
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
                            if (u !== 1)
                                break;
                            m.x = r.double();
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.y = r.double();
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            m.z = r.double();
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
             * Gets the type url for MapPoint
             * @function getTypeUrl
             * @memberof modescope.womd.MapPoint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MapPoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.MapPoint";
            };

            return MapPoint;
        })();

        womd.BoundarySegment = (function() {

            /**
             * Properties of a BoundarySegment.
             * @typedef {Object} modescope.womd.BoundarySegment.$Properties
             * @property {number|null} [laneStartIndex] BoundarySegment laneStartIndex
             * @property {number|null} [laneEndIndex] BoundarySegment laneEndIndex
             * @property {number|null} [boundaryFeatureId] BoundarySegment boundaryFeatureId
             * @property {modescope.womd.RoadLine.RoadLineType|null} [boundaryType] BoundarySegment boundaryType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BoundarySegment.
             * @memberof modescope.womd
             * @interface IBoundarySegment
             * @augments modescope.womd.BoundarySegment.$Properties
             * @deprecated Use modescope.womd.BoundarySegment.$Properties instead.
             */

            /**
             * Shape of a BoundarySegment.
             * @typedef {modescope.womd.BoundarySegment.$Properties} modescope.womd.BoundarySegment.$Shape
             */

            /**
             * Constructs a new BoundarySegment.
             * @memberof modescope.womd
             * @classdesc Represents a BoundarySegment.
             * @constructor
             * @param {modescope.womd.BoundarySegment.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BoundarySegment = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * BoundarySegment laneStartIndex.
             * @member {number} laneStartIndex
             * @memberof modescope.womd.BoundarySegment
             * @instance
             */
            BoundarySegment.prototype.laneStartIndex = 0;

            /**
             * BoundarySegment laneEndIndex.
             * @member {number} laneEndIndex
             * @memberof modescope.womd.BoundarySegment
             * @instance
             */
            BoundarySegment.prototype.laneEndIndex = 0;

            /**
             * BoundarySegment boundaryFeatureId.
             * @member {number} boundaryFeatureId
             * @memberof modescope.womd.BoundarySegment
             * @instance
             */
            BoundarySegment.prototype.boundaryFeatureId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * BoundarySegment boundaryType.
             * @member {modescope.womd.RoadLine.RoadLineType} boundaryType
             * @memberof modescope.womd.BoundarySegment
             * @instance
             */
            BoundarySegment.prototype.boundaryType = 0;

            /**
             * Creates a new BoundarySegment instance using the specified properties.
             * @function create
             * @memberof modescope.womd.BoundarySegment
             * @static
             * @param {modescope.womd.BoundarySegment.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.BoundarySegment} BoundarySegment instance
             * @type {{
             *   (properties: modescope.womd.BoundarySegment.$Shape): modescope.womd.BoundarySegment & modescope.womd.BoundarySegment.$Shape;
             *   (properties?: modescope.womd.BoundarySegment.$Properties): modescope.womd.BoundarySegment;
             * }}
             */
            BoundarySegment.create = function(properties) {
                return new BoundarySegment(properties);
            };

            /**
             * Encodes the specified BoundarySegment message. Does not implicitly {@link modescope.womd.BoundarySegment.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.BoundarySegment
             * @static
             * @param {modescope.womd.BoundarySegment.$Properties} m BoundarySegment message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BoundarySegment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.laneStartIndex != null && $Object.hasOwnProperty.call(m, "laneStartIndex"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.laneStartIndex);
                if (m.laneEndIndex != null && $Object.hasOwnProperty.call(m, "laneEndIndex"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.laneEndIndex);
                if (m.boundaryFeatureId != null && $Object.hasOwnProperty.call(m, "boundaryFeatureId"))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.boundaryFeatureId);
                if (m.boundaryType != null && $Object.hasOwnProperty.call(m, "boundaryType"))
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.boundaryType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a BoundarySegment message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.BoundarySegment
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.BoundarySegment & modescope.womd.BoundarySegment.$Shape} BoundarySegment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BoundarySegment.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.BoundarySegment();
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
                            if (u !== 0)
                                break;
                            m.laneStartIndex = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            m.laneEndIndex = r.int32();
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.boundaryFeatureId = r.int64();
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.RoadLine.RoadLineType[v] !== $undefined) {
                                m.boundaryType = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
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
             * Gets the type url for BoundarySegment
             * @function getTypeUrl
             * @memberof modescope.womd.BoundarySegment
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BoundarySegment.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.BoundarySegment";
            };

            return BoundarySegment;
        })();

        womd.LaneNeighbor = (function() {

            /**
             * Properties of a LaneNeighbor.
             * @typedef {Object} modescope.womd.LaneNeighbor.$Properties
             * @property {number|null} [featureId] LaneNeighbor featureId
             * @property {number|null} [selfStartIndex] LaneNeighbor selfStartIndex
             * @property {number|null} [selfEndIndex] LaneNeighbor selfEndIndex
             * @property {number|null} [neighborStartIndex] LaneNeighbor neighborStartIndex
             * @property {number|null} [neighborEndIndex] LaneNeighbor neighborEndIndex
             * @property {Array.<modescope.womd.BoundarySegment.$Properties>|null} [boundaries] LaneNeighbor boundaries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LaneNeighbor.
             * @memberof modescope.womd
             * @interface ILaneNeighbor
             * @augments modescope.womd.LaneNeighbor.$Properties
             * @deprecated Use modescope.womd.LaneNeighbor.$Properties instead.
             */

            /**
             * Shape of a LaneNeighbor.
             * @typedef {modescope.womd.LaneNeighbor.$Properties} modescope.womd.LaneNeighbor.$Shape
             */

            /**
             * Constructs a new LaneNeighbor.
             * @memberof modescope.womd
             * @classdesc Represents a LaneNeighbor.
             * @constructor
             * @param {modescope.womd.LaneNeighbor.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LaneNeighbor = function (p) {
                this.boundaries = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LaneNeighbor featureId.
             * @member {number} featureId
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.featureId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LaneNeighbor selfStartIndex.
             * @member {number} selfStartIndex
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.selfStartIndex = 0;

            /**
             * LaneNeighbor selfEndIndex.
             * @member {number} selfEndIndex
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.selfEndIndex = 0;

            /**
             * LaneNeighbor neighborStartIndex.
             * @member {number} neighborStartIndex
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.neighborStartIndex = 0;

            /**
             * LaneNeighbor neighborEndIndex.
             * @member {number} neighborEndIndex
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.neighborEndIndex = 0;

            /**
             * LaneNeighbor boundaries.
             * @member {Array.<modescope.womd.BoundarySegment.$Properties>} boundaries
             * @memberof modescope.womd.LaneNeighbor
             * @instance
             */
            LaneNeighbor.prototype.boundaries = $util.emptyArray;

            /**
             * Creates a new LaneNeighbor instance using the specified properties.
             * @function create
             * @memberof modescope.womd.LaneNeighbor
             * @static
             * @param {modescope.womd.LaneNeighbor.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.LaneNeighbor} LaneNeighbor instance
             * @type {{
             *   (properties: modescope.womd.LaneNeighbor.$Shape): modescope.womd.LaneNeighbor & modescope.womd.LaneNeighbor.$Shape;
             *   (properties?: modescope.womd.LaneNeighbor.$Properties): modescope.womd.LaneNeighbor;
             * }}
             */
            LaneNeighbor.create = function(properties) {
                return new LaneNeighbor(properties);
            };

            /**
             * Encodes the specified LaneNeighbor message. Does not implicitly {@link modescope.womd.LaneNeighbor.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.LaneNeighbor
             * @static
             * @param {modescope.womd.LaneNeighbor.$Properties} m LaneNeighbor message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LaneNeighbor.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.featureId != null && $Object.hasOwnProperty.call(m, "featureId"))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.featureId);
                if (m.selfStartIndex != null && $Object.hasOwnProperty.call(m, "selfStartIndex"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.selfStartIndex);
                if (m.selfEndIndex != null && $Object.hasOwnProperty.call(m, "selfEndIndex"))
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.selfEndIndex);
                if (m.neighborStartIndex != null && $Object.hasOwnProperty.call(m, "neighborStartIndex"))
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.neighborStartIndex);
                if (m.neighborEndIndex != null && $Object.hasOwnProperty.call(m, "neighborEndIndex"))
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.neighborEndIndex);
                if (m.boundaries != null && m.boundaries.length) {
                    for (var i = 0; i < m.boundaries.length; ++i)
                        $root.modescope.womd.BoundarySegment.encode(m.boundaries[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LaneNeighbor message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.LaneNeighbor
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.LaneNeighbor & modescope.womd.LaneNeighbor.$Shape} LaneNeighbor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LaneNeighbor.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.LaneNeighbor();
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
                            if (u !== 0)
                                break;
                            m.featureId = r.int64();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            m.selfStartIndex = r.int32();
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.selfEndIndex = r.int32();
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            m.neighborStartIndex = r.int32();
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            m.neighborEndIndex = r.int32();
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.boundaries && m.boundaries.length))
                                m.boundaries = [];
                            m.boundaries.push($root.modescope.womd.BoundarySegment.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for LaneNeighbor
             * @function getTypeUrl
             * @memberof modescope.womd.LaneNeighbor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LaneNeighbor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.LaneNeighbor";
            };

            return LaneNeighbor;
        })();

        womd.LaneCenter = (function() {

            /**
             * Properties of a LaneCenter.
             * @typedef {Object} modescope.womd.LaneCenter.$Properties
             * @property {number|null} [speedLimitMph] LaneCenter speedLimitMph
             * @property {modescope.womd.LaneCenter.LaneType|null} [type] LaneCenter type
             * @property {boolean|null} [interpolating] LaneCenter interpolating
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polyline] LaneCenter polyline
             * @property {Array.<number>|null} [entryLanes] LaneCenter entryLanes
             * @property {Array.<number>|null} [exitLanes] LaneCenter exitLanes
             * @property {Array.<modescope.womd.BoundarySegment.$Properties>|null} [leftBoundaries] LaneCenter leftBoundaries
             * @property {Array.<modescope.womd.BoundarySegment.$Properties>|null} [rightBoundaries] LaneCenter rightBoundaries
             * @property {Array.<modescope.womd.LaneNeighbor.$Properties>|null} [leftNeighbors] LaneCenter leftNeighbors
             * @property {Array.<modescope.womd.LaneNeighbor.$Properties>|null} [rightNeighbors] LaneCenter rightNeighbors
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LaneCenter.
             * @memberof modescope.womd
             * @interface ILaneCenter
             * @augments modescope.womd.LaneCenter.$Properties
             * @deprecated Use modescope.womd.LaneCenter.$Properties instead.
             */

            /**
             * Shape of a LaneCenter.
             * @typedef {modescope.womd.LaneCenter.$Properties} modescope.womd.LaneCenter.$Shape
             */

            /**
             * Constructs a new LaneCenter.
             * @memberof modescope.womd
             * @classdesc Represents a LaneCenter.
             * @constructor
             * @param {modescope.womd.LaneCenter.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LaneCenter = function (p) {
                this.polyline = [];
                this.entryLanes = [];
                this.exitLanes = [];
                this.leftBoundaries = [];
                this.rightBoundaries = [];
                this.leftNeighbors = [];
                this.rightNeighbors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LaneCenter speedLimitMph.
             * @member {number} speedLimitMph
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.speedLimitMph = 0;

            /**
             * LaneCenter type.
             * @member {modescope.womd.LaneCenter.LaneType} type
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.type = 0;

            /**
             * LaneCenter interpolating.
             * @member {boolean} interpolating
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.interpolating = false;

            /**
             * LaneCenter polyline.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polyline
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.polyline = $util.emptyArray;

            /**
             * LaneCenter entryLanes.
             * @member {Array.<number>} entryLanes
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.entryLanes = $util.emptyArray;

            /**
             * LaneCenter exitLanes.
             * @member {Array.<number>} exitLanes
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.exitLanes = $util.emptyArray;

            /**
             * LaneCenter leftBoundaries.
             * @member {Array.<modescope.womd.BoundarySegment.$Properties>} leftBoundaries
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.leftBoundaries = $util.emptyArray;

            /**
             * LaneCenter rightBoundaries.
             * @member {Array.<modescope.womd.BoundarySegment.$Properties>} rightBoundaries
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.rightBoundaries = $util.emptyArray;

            /**
             * LaneCenter leftNeighbors.
             * @member {Array.<modescope.womd.LaneNeighbor.$Properties>} leftNeighbors
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.leftNeighbors = $util.emptyArray;

            /**
             * LaneCenter rightNeighbors.
             * @member {Array.<modescope.womd.LaneNeighbor.$Properties>} rightNeighbors
             * @memberof modescope.womd.LaneCenter
             * @instance
             */
            LaneCenter.prototype.rightNeighbors = $util.emptyArray;

            /**
             * Creates a new LaneCenter instance using the specified properties.
             * @function create
             * @memberof modescope.womd.LaneCenter
             * @static
             * @param {modescope.womd.LaneCenter.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.LaneCenter} LaneCenter instance
             * @type {{
             *   (properties: modescope.womd.LaneCenter.$Shape): modescope.womd.LaneCenter & modescope.womd.LaneCenter.$Shape;
             *   (properties?: modescope.womd.LaneCenter.$Properties): modescope.womd.LaneCenter;
             * }}
             */
            LaneCenter.create = function(properties) {
                return new LaneCenter(properties);
            };

            /**
             * Encodes the specified LaneCenter message. Does not implicitly {@link modescope.womd.LaneCenter.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.LaneCenter
             * @static
             * @param {modescope.womd.LaneCenter.$Properties} m LaneCenter message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LaneCenter.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.speedLimitMph != null && $Object.hasOwnProperty.call(m, "speedLimitMph"))
                    w.uint32(/* id 1, wireType 1 =*/9).double(m.speedLimitMph);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.type);
                if (m.interpolating != null && $Object.hasOwnProperty.call(m, "interpolating"))
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.interpolating);
                if (m.polyline != null && m.polyline.length) {
                    for (var i = 0; i < m.polyline.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polyline[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                }
                if (m.entryLanes != null && m.entryLanes.length) {
                    w.uint32(/* id 9, wireType 2 =*/74).int64s(m.entryLanes);
                }
                if (m.exitLanes != null && m.exitLanes.length) {
                    w.uint32(/* id 10, wireType 2 =*/82).int64s(m.exitLanes);
                }
                if (m.leftNeighbors != null && m.leftNeighbors.length) {
                    for (var i = 0; i < m.leftNeighbors.length; ++i)
                        $root.modescope.womd.LaneNeighbor.encode(m.leftNeighbors[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.rightNeighbors != null && m.rightNeighbors.length) {
                    for (var i = 0; i < m.rightNeighbors.length; ++i)
                        $root.modescope.womd.LaneNeighbor.encode(m.rightNeighbors[i], w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                }
                if (m.leftBoundaries != null && m.leftBoundaries.length) {
                    for (var i = 0; i < m.leftBoundaries.length; ++i)
                        $root.modescope.womd.BoundarySegment.encode(m.leftBoundaries[i], w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                }
                if (m.rightBoundaries != null && m.rightBoundaries.length) {
                    for (var i = 0; i < m.rightBoundaries.length; ++i)
                        $root.modescope.womd.BoundarySegment.encode(m.rightBoundaries[i], w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LaneCenter message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.LaneCenter
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.LaneCenter & modescope.womd.LaneCenter.$Shape} LaneCenter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LaneCenter.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.LaneCenter();
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
                            if (u !== 1)
                                break;
                            m.speedLimitMph = r.double();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.LaneCenter.LaneType[v] !== $undefined) {
                                m.type = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.interpolating = r.bool();
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.polyline && m.polyline.length))
                                m.polyline = [];
                            m.polyline.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u === 2) {
                                if (!(m.entryLanes && m.entryLanes.length))
                                    m.entryLanes = [];
                                r.int64s(m.entryLanes);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.entryLanes && m.entryLanes.length))
                                m.entryLanes = [];
                            m.entryLanes.push(r.int64());
                            continue;
                        }
                    case 10: {
                            if (u === 2) {
                                if (!(m.exitLanes && m.exitLanes.length))
                                    m.exitLanes = [];
                                r.int64s(m.exitLanes);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.exitLanes && m.exitLanes.length))
                                m.exitLanes = [];
                            m.exitLanes.push(r.int64());
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (!(m.leftBoundaries && m.leftBoundaries.length))
                                m.leftBoundaries = [];
                            m.leftBoundaries.push($root.modescope.womd.BoundarySegment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if (!(m.rightBoundaries && m.rightBoundaries.length))
                                m.rightBoundaries = [];
                            m.rightBoundaries.push($root.modescope.womd.BoundarySegment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.leftNeighbors && m.leftNeighbors.length))
                                m.leftNeighbors = [];
                            m.leftNeighbors.push($root.modescope.womd.LaneNeighbor.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if (!(m.rightNeighbors && m.rightNeighbors.length))
                                m.rightNeighbors = [];
                            m.rightNeighbors.push($root.modescope.womd.LaneNeighbor.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for LaneCenter
             * @function getTypeUrl
             * @memberof modescope.womd.LaneCenter
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LaneCenter.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.LaneCenter";
            };

            /**
             * LaneType enum.
             * @name modescope.womd.LaneCenter.LaneType
             * @enum {number}
             * @property {number} TYPE_UNDEFINED=0 TYPE_UNDEFINED value
             * @property {number} TYPE_FREEWAY=1 TYPE_FREEWAY value
             * @property {number} TYPE_SURFACE_STREET=2 TYPE_SURFACE_STREET value
             * @property {number} TYPE_BIKE_LANE=3 TYPE_BIKE_LANE value
             */
            LaneCenter.LaneType = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TYPE_UNDEFINED"] = 0;
                values[valuesById[1] = "TYPE_FREEWAY"] = 1;
                values[valuesById[2] = "TYPE_SURFACE_STREET"] = 2;
                values[valuesById[3] = "TYPE_BIKE_LANE"] = 3;
                return values;
            })();

            return LaneCenter;
        })();

        womd.RoadEdge = (function() {

            /**
             * Properties of a RoadEdge.
             * @typedef {Object} modescope.womd.RoadEdge.$Properties
             * @property {modescope.womd.RoadEdge.RoadEdgeType|null} [type] RoadEdge type
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polyline] RoadEdge polyline
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoadEdge.
             * @memberof modescope.womd
             * @interface IRoadEdge
             * @augments modescope.womd.RoadEdge.$Properties
             * @deprecated Use modescope.womd.RoadEdge.$Properties instead.
             */

            /**
             * Shape of a RoadEdge.
             * @typedef {modescope.womd.RoadEdge.$Properties} modescope.womd.RoadEdge.$Shape
             */

            /**
             * Constructs a new RoadEdge.
             * @memberof modescope.womd
             * @classdesc Represents a RoadEdge.
             * @constructor
             * @param {modescope.womd.RoadEdge.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoadEdge = function (p) {
                this.polyline = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoadEdge type.
             * @member {modescope.womd.RoadEdge.RoadEdgeType} type
             * @memberof modescope.womd.RoadEdge
             * @instance
             */
            RoadEdge.prototype.type = 0;

            /**
             * RoadEdge polyline.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polyline
             * @memberof modescope.womd.RoadEdge
             * @instance
             */
            RoadEdge.prototype.polyline = $util.emptyArray;

            /**
             * Creates a new RoadEdge instance using the specified properties.
             * @function create
             * @memberof modescope.womd.RoadEdge
             * @static
             * @param {modescope.womd.RoadEdge.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.RoadEdge} RoadEdge instance
             * @type {{
             *   (properties: modescope.womd.RoadEdge.$Shape): modescope.womd.RoadEdge & modescope.womd.RoadEdge.$Shape;
             *   (properties?: modescope.womd.RoadEdge.$Properties): modescope.womd.RoadEdge;
             * }}
             */
            RoadEdge.create = function(properties) {
                return new RoadEdge(properties);
            };

            /**
             * Encodes the specified RoadEdge message. Does not implicitly {@link modescope.womd.RoadEdge.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.RoadEdge
             * @static
             * @param {modescope.womd.RoadEdge.$Properties} m RoadEdge message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoadEdge.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
                if (m.polyline != null && m.polyline.length) {
                    for (var i = 0; i < m.polyline.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polyline[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoadEdge message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.RoadEdge
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.RoadEdge & modescope.womd.RoadEdge.$Shape} RoadEdge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoadEdge.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.RoadEdge();
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
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.RoadEdge.RoadEdgeType[v] !== $undefined) {
                                m.type = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.polyline && m.polyline.length))
                                m.polyline = [];
                            m.polyline.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for RoadEdge
             * @function getTypeUrl
             * @memberof modescope.womd.RoadEdge
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoadEdge.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.RoadEdge";
            };

            /**
             * RoadEdgeType enum.
             * @name modescope.womd.RoadEdge.RoadEdgeType
             * @enum {number}
             * @property {number} TYPE_UNKNOWN=0 TYPE_UNKNOWN value
             * @property {number} TYPE_ROAD_EDGE_BOUNDARY=1 TYPE_ROAD_EDGE_BOUNDARY value
             * @property {number} TYPE_ROAD_EDGE_MEDIAN=2 TYPE_ROAD_EDGE_MEDIAN value
             */
            RoadEdge.RoadEdgeType = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TYPE_UNKNOWN"] = 0;
                values[valuesById[1] = "TYPE_ROAD_EDGE_BOUNDARY"] = 1;
                values[valuesById[2] = "TYPE_ROAD_EDGE_MEDIAN"] = 2;
                return values;
            })();

            return RoadEdge;
        })();

        womd.RoadLine = (function() {

            /**
             * Properties of a RoadLine.
             * @typedef {Object} modescope.womd.RoadLine.$Properties
             * @property {modescope.womd.RoadLine.RoadLineType|null} [type] RoadLine type
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polyline] RoadLine polyline
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoadLine.
             * @memberof modescope.womd
             * @interface IRoadLine
             * @augments modescope.womd.RoadLine.$Properties
             * @deprecated Use modescope.womd.RoadLine.$Properties instead.
             */

            /**
             * Shape of a RoadLine.
             * @typedef {modescope.womd.RoadLine.$Properties} modescope.womd.RoadLine.$Shape
             */

            /**
             * Constructs a new RoadLine.
             * @memberof modescope.womd
             * @classdesc Represents a RoadLine.
             * @constructor
             * @param {modescope.womd.RoadLine.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoadLine = function (p) {
                this.polyline = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoadLine type.
             * @member {modescope.womd.RoadLine.RoadLineType} type
             * @memberof modescope.womd.RoadLine
             * @instance
             */
            RoadLine.prototype.type = 0;

            /**
             * RoadLine polyline.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polyline
             * @memberof modescope.womd.RoadLine
             * @instance
             */
            RoadLine.prototype.polyline = $util.emptyArray;

            /**
             * Creates a new RoadLine instance using the specified properties.
             * @function create
             * @memberof modescope.womd.RoadLine
             * @static
             * @param {modescope.womd.RoadLine.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.RoadLine} RoadLine instance
             * @type {{
             *   (properties: modescope.womd.RoadLine.$Shape): modescope.womd.RoadLine & modescope.womd.RoadLine.$Shape;
             *   (properties?: modescope.womd.RoadLine.$Properties): modescope.womd.RoadLine;
             * }}
             */
            RoadLine.create = function(properties) {
                return new RoadLine(properties);
            };

            /**
             * Encodes the specified RoadLine message. Does not implicitly {@link modescope.womd.RoadLine.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.RoadLine
             * @static
             * @param {modescope.womd.RoadLine.$Properties} m RoadLine message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoadLine.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
                if (m.polyline != null && m.polyline.length) {
                    for (var i = 0; i < m.polyline.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polyline[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoadLine message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.RoadLine
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.RoadLine & modescope.womd.RoadLine.$Shape} RoadLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoadLine.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.RoadLine();
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
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.RoadLine.RoadLineType[v] !== $undefined) {
                                m.type = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.polyline && m.polyline.length))
                                m.polyline = [];
                            m.polyline.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for RoadLine
             * @function getTypeUrl
             * @memberof modescope.womd.RoadLine
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoadLine.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.RoadLine";
            };

            /**
             * RoadLineType enum.
             * @name modescope.womd.RoadLine.RoadLineType
             * @enum {number}
             * @property {number} TYPE_UNKNOWN=0 TYPE_UNKNOWN value
             * @property {number} TYPE_BROKEN_SINGLE_WHITE=1 TYPE_BROKEN_SINGLE_WHITE value
             * @property {number} TYPE_SOLID_SINGLE_WHITE=2 TYPE_SOLID_SINGLE_WHITE value
             * @property {number} TYPE_SOLID_DOUBLE_WHITE=3 TYPE_SOLID_DOUBLE_WHITE value
             * @property {number} TYPE_BROKEN_SINGLE_YELLOW=4 TYPE_BROKEN_SINGLE_YELLOW value
             * @property {number} TYPE_BROKEN_DOUBLE_YELLOW=5 TYPE_BROKEN_DOUBLE_YELLOW value
             * @property {number} TYPE_SOLID_SINGLE_YELLOW=6 TYPE_SOLID_SINGLE_YELLOW value
             * @property {number} TYPE_SOLID_DOUBLE_YELLOW=7 TYPE_SOLID_DOUBLE_YELLOW value
             * @property {number} TYPE_PASSING_DOUBLE_YELLOW=8 TYPE_PASSING_DOUBLE_YELLOW value
             */
            RoadLine.RoadLineType = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TYPE_UNKNOWN"] = 0;
                values[valuesById[1] = "TYPE_BROKEN_SINGLE_WHITE"] = 1;
                values[valuesById[2] = "TYPE_SOLID_SINGLE_WHITE"] = 2;
                values[valuesById[3] = "TYPE_SOLID_DOUBLE_WHITE"] = 3;
                values[valuesById[4] = "TYPE_BROKEN_SINGLE_YELLOW"] = 4;
                values[valuesById[5] = "TYPE_BROKEN_DOUBLE_YELLOW"] = 5;
                values[valuesById[6] = "TYPE_SOLID_SINGLE_YELLOW"] = 6;
                values[valuesById[7] = "TYPE_SOLID_DOUBLE_YELLOW"] = 7;
                values[valuesById[8] = "TYPE_PASSING_DOUBLE_YELLOW"] = 8;
                return values;
            })();

            return RoadLine;
        })();

        womd.StopSign = (function() {

            /**
             * Properties of a StopSign.
             * @typedef {Object} modescope.womd.StopSign.$Properties
             * @property {Array.<number>|null} [lane] StopSign lane
             * @property {modescope.womd.MapPoint.$Properties|null} [position] StopSign position
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StopSign.
             * @memberof modescope.womd
             * @interface IStopSign
             * @augments modescope.womd.StopSign.$Properties
             * @deprecated Use modescope.womd.StopSign.$Properties instead.
             */

            /**
             * Shape of a StopSign.
             * @typedef {modescope.womd.StopSign.$Properties} modescope.womd.StopSign.$Shape
             */

            /**
             * Constructs a new StopSign.
             * @memberof modescope.womd
             * @classdesc Represents a StopSign.
             * @constructor
             * @param {modescope.womd.StopSign.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StopSign = function (p) {
                this.lane = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StopSign lane.
             * @member {Array.<number>} lane
             * @memberof modescope.womd.StopSign
             * @instance
             */
            StopSign.prototype.lane = $util.emptyArray;

            /**
             * StopSign position.
             * @member {modescope.womd.MapPoint.$Properties|null|undefined} position
             * @memberof modescope.womd.StopSign
             * @instance
             */
            StopSign.prototype.position = null;

            /**
             * Creates a new StopSign instance using the specified properties.
             * @function create
             * @memberof modescope.womd.StopSign
             * @static
             * @param {modescope.womd.StopSign.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.StopSign} StopSign instance
             * @type {{
             *   (properties: modescope.womd.StopSign.$Shape): modescope.womd.StopSign & modescope.womd.StopSign.$Shape;
             *   (properties?: modescope.womd.StopSign.$Properties): modescope.womd.StopSign;
             * }}
             */
            StopSign.create = function(properties) {
                return new StopSign(properties);
            };

            /**
             * Encodes the specified StopSign message. Does not implicitly {@link modescope.womd.StopSign.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.StopSign
             * @static
             * @param {modescope.womd.StopSign.$Properties} m StopSign message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StopSign.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.lane != null && m.lane.length) {
                    for (var i = 0; i < m.lane.length; ++i)
                        w.uint32(/* id 1, wireType 0 =*/8).int64(m.lane[i]);
                }
                if (m.position != null && $Object.hasOwnProperty.call(m, "position"))
                    $root.modescope.womd.MapPoint.encode(m.position, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a StopSign message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.StopSign
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.StopSign & modescope.womd.StopSign.$Shape} StopSign
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StopSign.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.StopSign();
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
                                if (!(m.lane && m.lane.length))
                                    m.lane = [];
                                r.int64s(m.lane);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.lane && m.lane.length))
                                m.lane = [];
                            m.lane.push(r.int64());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.position = $root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1, m.position);
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
             * Gets the type url for StopSign
             * @function getTypeUrl
             * @memberof modescope.womd.StopSign
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StopSign.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.StopSign";
            };

            return StopSign;
        })();

        womd.Crosswalk = (function() {

            /**
             * Properties of a Crosswalk.
             * @typedef {Object} modescope.womd.Crosswalk.$Properties
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polygon] Crosswalk polygon
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Crosswalk.
             * @memberof modescope.womd
             * @interface ICrosswalk
             * @augments modescope.womd.Crosswalk.$Properties
             * @deprecated Use modescope.womd.Crosswalk.$Properties instead.
             */

            /**
             * Shape of a Crosswalk.
             * @typedef {modescope.womd.Crosswalk.$Properties} modescope.womd.Crosswalk.$Shape
             */

            /**
             * Constructs a new Crosswalk.
             * @memberof modescope.womd
             * @classdesc Represents a Crosswalk.
             * @constructor
             * @param {modescope.womd.Crosswalk.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Crosswalk = function (p) {
                this.polygon = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Crosswalk polygon.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polygon
             * @memberof modescope.womd.Crosswalk
             * @instance
             */
            Crosswalk.prototype.polygon = $util.emptyArray;

            /**
             * Creates a new Crosswalk instance using the specified properties.
             * @function create
             * @memberof modescope.womd.Crosswalk
             * @static
             * @param {modescope.womd.Crosswalk.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.Crosswalk} Crosswalk instance
             * @type {{
             *   (properties: modescope.womd.Crosswalk.$Shape): modescope.womd.Crosswalk & modescope.womd.Crosswalk.$Shape;
             *   (properties?: modescope.womd.Crosswalk.$Properties): modescope.womd.Crosswalk;
             * }}
             */
            Crosswalk.create = function(properties) {
                return new Crosswalk(properties);
            };

            /**
             * Encodes the specified Crosswalk message. Does not implicitly {@link modescope.womd.Crosswalk.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.Crosswalk
             * @static
             * @param {modescope.womd.Crosswalk.$Properties} m Crosswalk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Crosswalk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.polygon != null && m.polygon.length) {
                    for (var i = 0; i < m.polygon.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polygon[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Crosswalk message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.Crosswalk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.Crosswalk & modescope.womd.Crosswalk.$Shape} Crosswalk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Crosswalk.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.Crosswalk();
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
                            if (!(m.polygon && m.polygon.length))
                                m.polygon = [];
                            m.polygon.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for Crosswalk
             * @function getTypeUrl
             * @memberof modescope.womd.Crosswalk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Crosswalk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.Crosswalk";
            };

            return Crosswalk;
        })();

        womd.SpeedBump = (function() {

            /**
             * Properties of a SpeedBump.
             * @typedef {Object} modescope.womd.SpeedBump.$Properties
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polygon] SpeedBump polygon
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SpeedBump.
             * @memberof modescope.womd
             * @interface ISpeedBump
             * @augments modescope.womd.SpeedBump.$Properties
             * @deprecated Use modescope.womd.SpeedBump.$Properties instead.
             */

            /**
             * Shape of a SpeedBump.
             * @typedef {modescope.womd.SpeedBump.$Properties} modescope.womd.SpeedBump.$Shape
             */

            /**
             * Constructs a new SpeedBump.
             * @memberof modescope.womd
             * @classdesc Represents a SpeedBump.
             * @constructor
             * @param {modescope.womd.SpeedBump.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SpeedBump = function (p) {
                this.polygon = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SpeedBump polygon.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polygon
             * @memberof modescope.womd.SpeedBump
             * @instance
             */
            SpeedBump.prototype.polygon = $util.emptyArray;

            /**
             * Creates a new SpeedBump instance using the specified properties.
             * @function create
             * @memberof modescope.womd.SpeedBump
             * @static
             * @param {modescope.womd.SpeedBump.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.SpeedBump} SpeedBump instance
             * @type {{
             *   (properties: modescope.womd.SpeedBump.$Shape): modescope.womd.SpeedBump & modescope.womd.SpeedBump.$Shape;
             *   (properties?: modescope.womd.SpeedBump.$Properties): modescope.womd.SpeedBump;
             * }}
             */
            SpeedBump.create = function(properties) {
                return new SpeedBump(properties);
            };

            /**
             * Encodes the specified SpeedBump message. Does not implicitly {@link modescope.womd.SpeedBump.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.SpeedBump
             * @static
             * @param {modescope.womd.SpeedBump.$Properties} m SpeedBump message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SpeedBump.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.polygon != null && m.polygon.length) {
                    for (var i = 0; i < m.polygon.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polygon[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SpeedBump message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.SpeedBump
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.SpeedBump & modescope.womd.SpeedBump.$Shape} SpeedBump
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SpeedBump.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.SpeedBump();
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
                            if (!(m.polygon && m.polygon.length))
                                m.polygon = [];
                            m.polygon.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for SpeedBump
             * @function getTypeUrl
             * @memberof modescope.womd.SpeedBump
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SpeedBump.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.SpeedBump";
            };

            return SpeedBump;
        })();

        womd.Driveway = (function() {

            /**
             * Properties of a Driveway.
             * @typedef {Object} modescope.womd.Driveway.$Properties
             * @property {Array.<modescope.womd.MapPoint.$Properties>|null} [polygon] Driveway polygon
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Driveway.
             * @memberof modescope.womd
             * @interface IDriveway
             * @augments modescope.womd.Driveway.$Properties
             * @deprecated Use modescope.womd.Driveway.$Properties instead.
             */

            /**
             * Shape of a Driveway.
             * @typedef {modescope.womd.Driveway.$Properties} modescope.womd.Driveway.$Shape
             */

            /**
             * Constructs a new Driveway.
             * @memberof modescope.womd
             * @classdesc Represents a Driveway.
             * @constructor
             * @param {modescope.womd.Driveway.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Driveway = function (p) {
                this.polygon = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Driveway polygon.
             * @member {Array.<modescope.womd.MapPoint.$Properties>} polygon
             * @memberof modescope.womd.Driveway
             * @instance
             */
            Driveway.prototype.polygon = $util.emptyArray;

            /**
             * Creates a new Driveway instance using the specified properties.
             * @function create
             * @memberof modescope.womd.Driveway
             * @static
             * @param {modescope.womd.Driveway.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.Driveway} Driveway instance
             * @type {{
             *   (properties: modescope.womd.Driveway.$Shape): modescope.womd.Driveway & modescope.womd.Driveway.$Shape;
             *   (properties?: modescope.womd.Driveway.$Properties): modescope.womd.Driveway;
             * }}
             */
            Driveway.create = function(properties) {
                return new Driveway(properties);
            };

            /**
             * Encodes the specified Driveway message. Does not implicitly {@link modescope.womd.Driveway.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.Driveway
             * @static
             * @param {modescope.womd.Driveway.$Properties} m Driveway message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Driveway.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.polygon != null && m.polygon.length) {
                    for (var i = 0; i < m.polygon.length; ++i)
                        $root.modescope.womd.MapPoint.encode(m.polygon[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Driveway message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.Driveway
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.Driveway & modescope.womd.Driveway.$Shape} Driveway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Driveway.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.Driveway();
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
                            if (!(m.polygon && m.polygon.length))
                                m.polygon = [];
                            m.polygon.push($root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for Driveway
             * @function getTypeUrl
             * @memberof modescope.womd.Driveway
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Driveway.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.Driveway";
            };

            return Driveway;
        })();

        womd.MapFeature = (function() {

            /**
             * Properties of a MapFeature.
             * @typedef {Object} modescope.womd.MapFeature.$Properties
             * @property {number|null} [id] MapFeature id
             * @property {modescope.womd.LaneCenter.$Properties|null} [lane] MapFeature lane
             * @property {modescope.womd.RoadLine.$Properties|null} [roadLine] MapFeature roadLine
             * @property {modescope.womd.RoadEdge.$Properties|null} [roadEdge] MapFeature roadEdge
             * @property {modescope.womd.StopSign.$Properties|null} [stopSign] MapFeature stopSign
             * @property {modescope.womd.Crosswalk.$Properties|null} [crosswalk] MapFeature crosswalk
             * @property {modescope.womd.SpeedBump.$Properties|null} [speedBump] MapFeature speedBump
             * @property {modescope.womd.Driveway.$Properties|null} [driveway] MapFeature driveway
             * @property {"lane"|"roadLine"|"roadEdge"|"stopSign"|"crosswalk"|"speedBump"|"driveway"} [featureData] MapFeature featureData
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MapFeature.
             * @memberof modescope.womd
             * @interface IMapFeature
             * @augments modescope.womd.MapFeature.$Properties
             * @deprecated Use modescope.womd.MapFeature.$Properties instead.
             */

            /**
             * Narrowed shape of a MapFeature.
             * @typedef {{
             *   id?: number|null;
             *   lane?: modescope.womd.LaneCenter.$Shape|null;
             *   roadLine?: modescope.womd.RoadLine.$Shape|null;
             *   roadEdge?: modescope.womd.RoadEdge.$Shape|null;
             *   stopSign?: modescope.womd.StopSign.$Shape|null;
             *   crosswalk?: modescope.womd.Crosswalk.$Shape|null;
             *   speedBump?: modescope.womd.SpeedBump.$Shape|null;
             *   driveway?: modescope.womd.Driveway.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ featureData?: undefined; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "lane"; lane: modescope.womd.LaneCenter.$Shape; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "roadLine"; lane?: null; roadLine: modescope.womd.RoadLine.$Shape; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "roadEdge"; lane?: null; roadLine?: null; roadEdge: modescope.womd.RoadEdge.$Shape; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "stopSign"; lane?: null; roadLine?: null; roadEdge?: null; stopSign: modescope.womd.StopSign.$Shape; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "crosswalk"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk: modescope.womd.Crosswalk.$Shape; speedBump?: null; driveway?: null }|{ featureData?: "speedBump"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump: modescope.womd.SpeedBump.$Shape; driveway?: null }|{ featureData?: "driveway"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway: modescope.womd.Driveway.$Shape })
             * )} modescope.womd.MapFeature.$Shape
             */

            /**
             * Constructs a new MapFeature.
             * @memberof modescope.womd
             * @classdesc Represents a MapFeature.
             * @constructor
             * @param {modescope.womd.MapFeature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MapFeature = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * MapFeature id.
             * @member {number} id
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.id = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * MapFeature lane.
             * @member {modescope.womd.LaneCenter.$Properties|null|undefined} lane
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.lane = null;

            /**
             * MapFeature roadLine.
             * @member {modescope.womd.RoadLine.$Properties|null|undefined} roadLine
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.roadLine = null;

            /**
             * MapFeature roadEdge.
             * @member {modescope.womd.RoadEdge.$Properties|null|undefined} roadEdge
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.roadEdge = null;

            /**
             * MapFeature stopSign.
             * @member {modescope.womd.StopSign.$Properties|null|undefined} stopSign
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.stopSign = null;

            /**
             * MapFeature crosswalk.
             * @member {modescope.womd.Crosswalk.$Properties|null|undefined} crosswalk
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.crosswalk = null;

            /**
             * MapFeature speedBump.
             * @member {modescope.womd.SpeedBump.$Properties|null|undefined} speedBump
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.speedBump = null;

            /**
             * MapFeature driveway.
             * @member {modescope.womd.Driveway.$Properties|null|undefined} driveway
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            MapFeature.prototype.driveway = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * MapFeature featureData.
             * @member {"lane"|"roadLine"|"roadEdge"|"stopSign"|"crosswalk"|"speedBump"|"driveway"|undefined} featureData
             * @memberof modescope.womd.MapFeature
             * @instance
             */
            $Object.defineProperty(MapFeature.prototype, "featureData", {
                get: $util.oneOfGetter($oneOfFields = ["lane", "roadLine", "roadEdge", "stopSign", "crosswalk", "speedBump", "driveway"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new MapFeature instance using the specified properties.
             * @function create
             * @memberof modescope.womd.MapFeature
             * @static
             * @param {modescope.womd.MapFeature.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.MapFeature} MapFeature instance
             * @type {{
             *   (properties: modescope.womd.MapFeature.$Shape): modescope.womd.MapFeature & modescope.womd.MapFeature.$Shape;
             *   (properties?: modescope.womd.MapFeature.$Properties): modescope.womd.MapFeature;
             * }}
             */
            MapFeature.create = function(properties) {
                return new MapFeature(properties);
            };

            /**
             * Encodes the specified MapFeature message. Does not implicitly {@link modescope.womd.MapFeature.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.MapFeature
             * @static
             * @param {modescope.womd.MapFeature.$Properties} m MapFeature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MapFeature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id"))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.id);
                if (m.lane != null && $Object.hasOwnProperty.call(m, "lane"))
                    $root.modescope.womd.LaneCenter.encode(m.lane, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.roadLine != null && $Object.hasOwnProperty.call(m, "roadLine"))
                    $root.modescope.womd.RoadLine.encode(m.roadLine, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.roadEdge != null && $Object.hasOwnProperty.call(m, "roadEdge"))
                    $root.modescope.womd.RoadEdge.encode(m.roadEdge, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.stopSign != null && $Object.hasOwnProperty.call(m, "stopSign"))
                    $root.modescope.womd.StopSign.encode(m.stopSign, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.crosswalk != null && $Object.hasOwnProperty.call(m, "crosswalk"))
                    $root.modescope.womd.Crosswalk.encode(m.crosswalk, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.speedBump != null && $Object.hasOwnProperty.call(m, "speedBump"))
                    $root.modescope.womd.SpeedBump.encode(m.speedBump, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.driveway != null && $Object.hasOwnProperty.call(m, "driveway"))
                    $root.modescope.womd.Driveway.encode(m.driveway, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a MapFeature message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.MapFeature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.MapFeature & modescope.womd.MapFeature.$Shape} MapFeature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MapFeature.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.MapFeature();
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
                            if (u !== 0)
                                break;
                            m.id = r.int64();
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.lane = $root.modescope.womd.LaneCenter.decode(r, r.size(), $undefined, q + 1, m.lane);
                            m.featureData = "lane";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.roadLine = $root.modescope.womd.RoadLine.decode(r, r.size(), $undefined, q + 1, m.roadLine);
                            m.featureData = "roadLine";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.roadEdge = $root.modescope.womd.RoadEdge.decode(r, r.size(), $undefined, q + 1, m.roadEdge);
                            m.featureData = "roadEdge";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.stopSign = $root.modescope.womd.StopSign.decode(r, r.size(), $undefined, q + 1, m.stopSign);
                            m.featureData = "stopSign";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.crosswalk = $root.modescope.womd.Crosswalk.decode(r, r.size(), $undefined, q + 1, m.crosswalk);
                            m.featureData = "crosswalk";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.speedBump = $root.modescope.womd.SpeedBump.decode(r, r.size(), $undefined, q + 1, m.speedBump);
                            m.featureData = "speedBump";
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.driveway = $root.modescope.womd.Driveway.decode(r, r.size(), $undefined, q + 1, m.driveway);
                            m.featureData = "driveway";
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
             * Gets the type url for MapFeature
             * @function getTypeUrl
             * @memberof modescope.womd.MapFeature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MapFeature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.MapFeature";
            };

            return MapFeature;
        })();

        womd.TrafficSignalLaneState = (function() {

            /**
             * Properties of a TrafficSignalLaneState.
             * @typedef {Object} modescope.womd.TrafficSignalLaneState.$Properties
             * @property {number|null} [lane] TrafficSignalLaneState lane
             * @property {modescope.womd.TrafficSignalLaneState.State|null} [state] TrafficSignalLaneState state
             * @property {modescope.womd.MapPoint.$Properties|null} [stopPoint] TrafficSignalLaneState stopPoint
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrafficSignalLaneState.
             * @memberof modescope.womd
             * @interface ITrafficSignalLaneState
             * @augments modescope.womd.TrafficSignalLaneState.$Properties
             * @deprecated Use modescope.womd.TrafficSignalLaneState.$Properties instead.
             */

            /**
             * Shape of a TrafficSignalLaneState.
             * @typedef {modescope.womd.TrafficSignalLaneState.$Properties} modescope.womd.TrafficSignalLaneState.$Shape
             */

            /**
             * Constructs a new TrafficSignalLaneState.
             * @memberof modescope.womd
             * @classdesc Represents a TrafficSignalLaneState.
             * @constructor
             * @param {modescope.womd.TrafficSignalLaneState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrafficSignalLaneState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TrafficSignalLaneState lane.
             * @member {number} lane
             * @memberof modescope.womd.TrafficSignalLaneState
             * @instance
             */
            TrafficSignalLaneState.prototype.lane = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TrafficSignalLaneState state.
             * @member {modescope.womd.TrafficSignalLaneState.State} state
             * @memberof modescope.womd.TrafficSignalLaneState
             * @instance
             */
            TrafficSignalLaneState.prototype.state = 0;

            /**
             * TrafficSignalLaneState stopPoint.
             * @member {modescope.womd.MapPoint.$Properties|null|undefined} stopPoint
             * @memberof modescope.womd.TrafficSignalLaneState
             * @instance
             */
            TrafficSignalLaneState.prototype.stopPoint = null;

            /**
             * Creates a new TrafficSignalLaneState instance using the specified properties.
             * @function create
             * @memberof modescope.womd.TrafficSignalLaneState
             * @static
             * @param {modescope.womd.TrafficSignalLaneState.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.TrafficSignalLaneState} TrafficSignalLaneState instance
             * @type {{
             *   (properties: modescope.womd.TrafficSignalLaneState.$Shape): modescope.womd.TrafficSignalLaneState & modescope.womd.TrafficSignalLaneState.$Shape;
             *   (properties?: modescope.womd.TrafficSignalLaneState.$Properties): modescope.womd.TrafficSignalLaneState;
             * }}
             */
            TrafficSignalLaneState.create = function(properties) {
                return new TrafficSignalLaneState(properties);
            };

            /**
             * Encodes the specified TrafficSignalLaneState message. Does not implicitly {@link modescope.womd.TrafficSignalLaneState.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.TrafficSignalLaneState
             * @static
             * @param {modescope.womd.TrafficSignalLaneState.$Properties} m TrafficSignalLaneState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrafficSignalLaneState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.lane != null && $Object.hasOwnProperty.call(m, "lane"))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.lane);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.state);
                if (m.stopPoint != null && $Object.hasOwnProperty.call(m, "stopPoint"))
                    $root.modescope.womd.MapPoint.encode(m.stopPoint, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a TrafficSignalLaneState message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.TrafficSignalLaneState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.TrafficSignalLaneState & modescope.womd.TrafficSignalLaneState.$Shape} TrafficSignalLaneState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrafficSignalLaneState.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.TrafficSignalLaneState();
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
                            if (u !== 0)
                                break;
                            m.lane = r.int64();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.TrafficSignalLaneState.State[v] !== $undefined) {
                                m.state = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.stopPoint = $root.modescope.womd.MapPoint.decode(r, r.size(), $undefined, q + 1, m.stopPoint);
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
             * Gets the type url for TrafficSignalLaneState
             * @function getTypeUrl
             * @memberof modescope.womd.TrafficSignalLaneState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrafficSignalLaneState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.TrafficSignalLaneState";
            };

            /**
             * State enum.
             * @name modescope.womd.TrafficSignalLaneState.State
             * @enum {number}
             * @property {number} LANE_STATE_UNKNOWN=0 LANE_STATE_UNKNOWN value
             * @property {number} LANE_STATE_ARROW_STOP=1 LANE_STATE_ARROW_STOP value
             * @property {number} LANE_STATE_ARROW_CAUTION=2 LANE_STATE_ARROW_CAUTION value
             * @property {number} LANE_STATE_ARROW_GO=3 LANE_STATE_ARROW_GO value
             * @property {number} LANE_STATE_STOP=4 LANE_STATE_STOP value
             * @property {number} LANE_STATE_CAUTION=5 LANE_STATE_CAUTION value
             * @property {number} LANE_STATE_GO=6 LANE_STATE_GO value
             * @property {number} LANE_STATE_FLASHING_STOP=7 LANE_STATE_FLASHING_STOP value
             * @property {number} LANE_STATE_FLASHING_CAUTION=8 LANE_STATE_FLASHING_CAUTION value
             */
            TrafficSignalLaneState.State = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "LANE_STATE_UNKNOWN"] = 0;
                values[valuesById[1] = "LANE_STATE_ARROW_STOP"] = 1;
                values[valuesById[2] = "LANE_STATE_ARROW_CAUTION"] = 2;
                values[valuesById[3] = "LANE_STATE_ARROW_GO"] = 3;
                values[valuesById[4] = "LANE_STATE_STOP"] = 4;
                values[valuesById[5] = "LANE_STATE_CAUTION"] = 5;
                values[valuesById[6] = "LANE_STATE_GO"] = 6;
                values[valuesById[7] = "LANE_STATE_FLASHING_STOP"] = 7;
                values[valuesById[8] = "LANE_STATE_FLASHING_CAUTION"] = 8;
                return values;
            })();

            return TrafficSignalLaneState;
        })();

        womd.DynamicMapState = (function() {

            /**
             * Properties of a DynamicMapState.
             * @typedef {Object} modescope.womd.DynamicMapState.$Properties
             * @property {Array.<modescope.womd.TrafficSignalLaneState.$Properties>|null} [laneStates] DynamicMapState laneStates
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DynamicMapState.
             * @memberof modescope.womd
             * @interface IDynamicMapState
             * @augments modescope.womd.DynamicMapState.$Properties
             * @deprecated Use modescope.womd.DynamicMapState.$Properties instead.
             */

            /**
             * Shape of a DynamicMapState.
             * @typedef {modescope.womd.DynamicMapState.$Properties} modescope.womd.DynamicMapState.$Shape
             */

            /**
             * Constructs a new DynamicMapState.
             * @memberof modescope.womd
             * @classdesc Represents a DynamicMapState.
             * @constructor
             * @param {modescope.womd.DynamicMapState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DynamicMapState = function (p) {
                this.laneStates = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DynamicMapState laneStates.
             * @member {Array.<modescope.womd.TrafficSignalLaneState.$Properties>} laneStates
             * @memberof modescope.womd.DynamicMapState
             * @instance
             */
            DynamicMapState.prototype.laneStates = $util.emptyArray;

            /**
             * Creates a new DynamicMapState instance using the specified properties.
             * @function create
             * @memberof modescope.womd.DynamicMapState
             * @static
             * @param {modescope.womd.DynamicMapState.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.DynamicMapState} DynamicMapState instance
             * @type {{
             *   (properties: modescope.womd.DynamicMapState.$Shape): modescope.womd.DynamicMapState & modescope.womd.DynamicMapState.$Shape;
             *   (properties?: modescope.womd.DynamicMapState.$Properties): modescope.womd.DynamicMapState;
             * }}
             */
            DynamicMapState.create = function(properties) {
                return new DynamicMapState(properties);
            };

            /**
             * Encodes the specified DynamicMapState message. Does not implicitly {@link modescope.womd.DynamicMapState.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.DynamicMapState
             * @static
             * @param {modescope.womd.DynamicMapState.$Properties} m DynamicMapState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DynamicMapState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.laneStates != null && m.laneStates.length) {
                    for (var i = 0; i < m.laneStates.length; ++i)
                        $root.modescope.womd.TrafficSignalLaneState.encode(m.laneStates[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DynamicMapState message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.DynamicMapState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.DynamicMapState & modescope.womd.DynamicMapState.$Shape} DynamicMapState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DynamicMapState.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.DynamicMapState();
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
                            if (!(m.laneStates && m.laneStates.length))
                                m.laneStates = [];
                            m.laneStates.push($root.modescope.womd.TrafficSignalLaneState.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for DynamicMapState
             * @function getTypeUrl
             * @memberof modescope.womd.DynamicMapState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DynamicMapState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.DynamicMapState";
            };

            return DynamicMapState;
        })();

        womd.ObjectState = (function() {

            /**
             * Properties of an ObjectState.
             * @typedef {Object} modescope.womd.ObjectState.$Properties
             * @property {number|null} [centerX] ObjectState centerX
             * @property {number|null} [centerY] ObjectState centerY
             * @property {number|null} [centerZ] ObjectState centerZ
             * @property {number|null} [length] ObjectState length
             * @property {number|null} [width] ObjectState width
             * @property {number|null} [height] ObjectState height
             * @property {number|null} [heading] ObjectState heading
             * @property {number|null} [velocityX] ObjectState velocityX
             * @property {number|null} [velocityY] ObjectState velocityY
             * @property {boolean|null} [valid] ObjectState valid
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ObjectState.
             * @memberof modescope.womd
             * @interface IObjectState
             * @augments modescope.womd.ObjectState.$Properties
             * @deprecated Use modescope.womd.ObjectState.$Properties instead.
             */

            /**
             * Shape of an ObjectState.
             * @typedef {modescope.womd.ObjectState.$Properties} modescope.womd.ObjectState.$Shape
             */

            /**
             * Constructs a new ObjectState.
             * @memberof modescope.womd
             * @classdesc Represents an ObjectState.
             * @constructor
             * @param {modescope.womd.ObjectState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ObjectState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ObjectState centerX.
             * @member {number} centerX
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.centerX = 0;

            /**
             * ObjectState centerY.
             * @member {number} centerY
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.centerY = 0;

            /**
             * ObjectState centerZ.
             * @member {number} centerZ
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.centerZ = 0;

            /**
             * ObjectState length.
             * @member {number} length
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.length = 0;

            /**
             * ObjectState width.
             * @member {number} width
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.width = 0;

            /**
             * ObjectState height.
             * @member {number} height
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.height = 0;

            /**
             * ObjectState heading.
             * @member {number} heading
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.heading = 0;

            /**
             * ObjectState velocityX.
             * @member {number} velocityX
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.velocityX = 0;

            /**
             * ObjectState velocityY.
             * @member {number} velocityY
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.velocityY = 0;

            /**
             * ObjectState valid.
             * @member {boolean} valid
             * @memberof modescope.womd.ObjectState
             * @instance
             */
            ObjectState.prototype.valid = false;

            /**
             * Creates a new ObjectState instance using the specified properties.
             * @function create
             * @memberof modescope.womd.ObjectState
             * @static
             * @param {modescope.womd.ObjectState.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.ObjectState} ObjectState instance
             * @type {{
             *   (properties: modescope.womd.ObjectState.$Shape): modescope.womd.ObjectState & modescope.womd.ObjectState.$Shape;
             *   (properties?: modescope.womd.ObjectState.$Properties): modescope.womd.ObjectState;
             * }}
             */
            ObjectState.create = function(properties) {
                return new ObjectState(properties);
            };

            /**
             * Encodes the specified ObjectState message. Does not implicitly {@link modescope.womd.ObjectState.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.ObjectState
             * @static
             * @param {modescope.womd.ObjectState.$Properties} m ObjectState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ObjectState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.centerX != null && $Object.hasOwnProperty.call(m, "centerX"))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.centerX);
                if (m.centerY != null && $Object.hasOwnProperty.call(m, "centerY"))
                    w.uint32(/* id 3, wireType 1 =*/25).double(m.centerY);
                if (m.centerZ != null && $Object.hasOwnProperty.call(m, "centerZ"))
                    w.uint32(/* id 4, wireType 1 =*/33).double(m.centerZ);
                if (m.length != null && $Object.hasOwnProperty.call(m, "length"))
                    w.uint32(/* id 5, wireType 5 =*/45).float(m.length);
                if (m.width != null && $Object.hasOwnProperty.call(m, "width"))
                    w.uint32(/* id 6, wireType 5 =*/53).float(m.width);
                if (m.height != null && $Object.hasOwnProperty.call(m, "height"))
                    w.uint32(/* id 7, wireType 5 =*/61).float(m.height);
                if (m.heading != null && $Object.hasOwnProperty.call(m, "heading"))
                    w.uint32(/* id 8, wireType 5 =*/69).float(m.heading);
                if (m.velocityX != null && $Object.hasOwnProperty.call(m, "velocityX"))
                    w.uint32(/* id 9, wireType 5 =*/77).float(m.velocityX);
                if (m.velocityY != null && $Object.hasOwnProperty.call(m, "velocityY"))
                    w.uint32(/* id 10, wireType 5 =*/85).float(m.velocityY);
                if (m.valid != null && $Object.hasOwnProperty.call(m, "valid"))
                    w.uint32(/* id 11, wireType 0 =*/88).bool(m.valid);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an ObjectState message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.ObjectState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.ObjectState & modescope.womd.ObjectState.$Shape} ObjectState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ObjectState.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.ObjectState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 2: {
                            if (u !== 1)
                                break;
                            m.centerX = r.double();
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            m.centerY = r.double();
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            m.centerZ = r.double();
                            continue;
                        }
                    case 5: {
                            if (u !== 5)
                                break;
                            m.length = r.float();
                            continue;
                        }
                    case 6: {
                            if (u !== 5)
                                break;
                            m.width = r.float();
                            continue;
                        }
                    case 7: {
                            if (u !== 5)
                                break;
                            m.height = r.float();
                            continue;
                        }
                    case 8: {
                            if (u !== 5)
                                break;
                            m.heading = r.float();
                            continue;
                        }
                    case 9: {
                            if (u !== 5)
                                break;
                            m.velocityX = r.float();
                            continue;
                        }
                    case 10: {
                            if (u !== 5)
                                break;
                            m.velocityY = r.float();
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            m.valid = r.bool();
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
             * Gets the type url for ObjectState
             * @function getTypeUrl
             * @memberof modescope.womd.ObjectState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ObjectState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.ObjectState";
            };

            return ObjectState;
        })();

        womd.Track = (function() {

            /**
             * Properties of a Track.
             * @typedef {Object} modescope.womd.Track.$Properties
             * @property {number|null} [id] Track id
             * @property {modescope.womd.Track.ObjectType|null} [objectType] Track objectType
             * @property {Array.<modescope.womd.ObjectState.$Properties>|null} [states] Track states
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Track.
             * @memberof modescope.womd
             * @interface ITrack
             * @augments modescope.womd.Track.$Properties
             * @deprecated Use modescope.womd.Track.$Properties instead.
             */

            /**
             * Shape of a Track.
             * @typedef {modescope.womd.Track.$Properties} modescope.womd.Track.$Shape
             */

            /**
             * Constructs a new Track.
             * @memberof modescope.womd
             * @classdesc Represents a Track.
             * @constructor
             * @param {modescope.womd.Track.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Track = function (p) {
                this.states = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Track id.
             * @member {number} id
             * @memberof modescope.womd.Track
             * @instance
             */
            Track.prototype.id = 0;

            /**
             * Track objectType.
             * @member {modescope.womd.Track.ObjectType} objectType
             * @memberof modescope.womd.Track
             * @instance
             */
            Track.prototype.objectType = 0;

            /**
             * Track states.
             * @member {Array.<modescope.womd.ObjectState.$Properties>} states
             * @memberof modescope.womd.Track
             * @instance
             */
            Track.prototype.states = $util.emptyArray;

            /**
             * Creates a new Track instance using the specified properties.
             * @function create
             * @memberof modescope.womd.Track
             * @static
             * @param {modescope.womd.Track.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.Track} Track instance
             * @type {{
             *   (properties: modescope.womd.Track.$Shape): modescope.womd.Track & modescope.womd.Track.$Shape;
             *   (properties?: modescope.womd.Track.$Properties): modescope.womd.Track;
             * }}
             */
            Track.create = function(properties) {
                return new Track(properties);
            };

            /**
             * Encodes the specified Track message. Does not implicitly {@link modescope.womd.Track.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.Track
             * @static
             * @param {modescope.womd.Track.$Properties} m Track message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Track.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.id);
                if (m.objectType != null && $Object.hasOwnProperty.call(m, "objectType"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.objectType);
                if (m.states != null && m.states.length) {
                    for (var i = 0; i < m.states.length; ++i)
                        $root.modescope.womd.ObjectState.encode(m.states[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Track message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.Track
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.Track & modescope.womd.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Track.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.Track();
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
                            if (u !== 0)
                                break;
                            m.id = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.Track.ObjectType[v] !== $undefined) {
                                m.objectType = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.states && m.states.length))
                                m.states = [];
                            m.states.push($root.modescope.womd.ObjectState.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for Track
             * @function getTypeUrl
             * @memberof modescope.womd.Track
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Track.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.Track";
            };

            /**
             * ObjectType enum.
             * @name modescope.womd.Track.ObjectType
             * @enum {number}
             * @property {number} TYPE_UNSET=0 TYPE_UNSET value
             * @property {number} TYPE_VEHICLE=1 TYPE_VEHICLE value
             * @property {number} TYPE_PEDESTRIAN=2 TYPE_PEDESTRIAN value
             * @property {number} TYPE_CYCLIST=3 TYPE_CYCLIST value
             * @property {number} TYPE_OTHER=4 TYPE_OTHER value
             */
            Track.ObjectType = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TYPE_UNSET"] = 0;
                values[valuesById[1] = "TYPE_VEHICLE"] = 1;
                values[valuesById[2] = "TYPE_PEDESTRIAN"] = 2;
                values[valuesById[3] = "TYPE_CYCLIST"] = 3;
                values[valuesById[4] = "TYPE_OTHER"] = 4;
                return values;
            })();

            return Track;
        })();

        womd.RequiredPrediction = (function() {

            /**
             * Properties of a RequiredPrediction.
             * @typedef {Object} modescope.womd.RequiredPrediction.$Properties
             * @property {number|null} [trackIndex] RequiredPrediction trackIndex
             * @property {modescope.womd.RequiredPrediction.DifficultyLevel|null} [difficulty] RequiredPrediction difficulty
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RequiredPrediction.
             * @memberof modescope.womd
             * @interface IRequiredPrediction
             * @augments modescope.womd.RequiredPrediction.$Properties
             * @deprecated Use modescope.womd.RequiredPrediction.$Properties instead.
             */

            /**
             * Shape of a RequiredPrediction.
             * @typedef {modescope.womd.RequiredPrediction.$Properties} modescope.womd.RequiredPrediction.$Shape
             */

            /**
             * Constructs a new RequiredPrediction.
             * @memberof modescope.womd
             * @classdesc Represents a RequiredPrediction.
             * @constructor
             * @param {modescope.womd.RequiredPrediction.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RequiredPrediction = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RequiredPrediction trackIndex.
             * @member {number} trackIndex
             * @memberof modescope.womd.RequiredPrediction
             * @instance
             */
            RequiredPrediction.prototype.trackIndex = 0;

            /**
             * RequiredPrediction difficulty.
             * @member {modescope.womd.RequiredPrediction.DifficultyLevel} difficulty
             * @memberof modescope.womd.RequiredPrediction
             * @instance
             */
            RequiredPrediction.prototype.difficulty = 0;

            /**
             * Creates a new RequiredPrediction instance using the specified properties.
             * @function create
             * @memberof modescope.womd.RequiredPrediction
             * @static
             * @param {modescope.womd.RequiredPrediction.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.RequiredPrediction} RequiredPrediction instance
             * @type {{
             *   (properties: modescope.womd.RequiredPrediction.$Shape): modescope.womd.RequiredPrediction & modescope.womd.RequiredPrediction.$Shape;
             *   (properties?: modescope.womd.RequiredPrediction.$Properties): modescope.womd.RequiredPrediction;
             * }}
             */
            RequiredPrediction.create = function(properties) {
                return new RequiredPrediction(properties);
            };

            /**
             * Encodes the specified RequiredPrediction message. Does not implicitly {@link modescope.womd.RequiredPrediction.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.RequiredPrediction
             * @static
             * @param {modescope.womd.RequiredPrediction.$Properties} m RequiredPrediction message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequiredPrediction.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.trackIndex != null && $Object.hasOwnProperty.call(m, "trackIndex"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.trackIndex);
                if (m.difficulty != null && $Object.hasOwnProperty.call(m, "difficulty"))
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.difficulty);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RequiredPrediction message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.RequiredPrediction
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.RequiredPrediction & modescope.womd.RequiredPrediction.$Shape} RequiredPrediction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequiredPrediction.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.RequiredPrediction();
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
                            if (u !== 0)
                                break;
                            m.trackIndex = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            v = r.int32();
                            if ($root.modescope.womd.RequiredPrediction.DifficultyLevel[v] !== $undefined) {
                                m.difficulty = v;
                            } else if (!r.discardUnknown) {
                                $util.makeProp(m, "$unknowns", false);
                                (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                            }
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
             * Gets the type url for RequiredPrediction
             * @function getTypeUrl
             * @memberof modescope.womd.RequiredPrediction
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RequiredPrediction.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.RequiredPrediction";
            };

            /**
             * DifficultyLevel enum.
             * @name modescope.womd.RequiredPrediction.DifficultyLevel
             * @enum {number}
             * @property {number} NONE=0 NONE value
             * @property {number} LEVEL_1=1 LEVEL_1 value
             * @property {number} LEVEL_2=2 LEVEL_2 value
             */
            RequiredPrediction.DifficultyLevel = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "NONE"] = 0;
                values[valuesById[1] = "LEVEL_1"] = 1;
                values[valuesById[2] = "LEVEL_2"] = 2;
                return values;
            })();

            return RequiredPrediction;
        })();

        womd.Scenario = (function() {

            /**
             * Properties of a Scenario.
             * @typedef {Object} modescope.womd.Scenario.$Properties
             * @property {string|null} [scenarioId] Scenario scenarioId
             * @property {Array.<number>|null} [timestampsSeconds] Scenario timestampsSeconds
             * @property {number|null} [currentTimeIndex] Scenario currentTimeIndex
             * @property {Array.<modescope.womd.Track.$Properties>|null} [tracks] Scenario tracks
             * @property {Array.<modescope.womd.DynamicMapState.$Properties>|null} [dynamicMapStates] Scenario dynamicMapStates
             * @property {Array.<modescope.womd.MapFeature.$Properties>|null} [mapFeatures] Scenario mapFeatures
             * @property {number|null} [sdcTrackIndex] Scenario sdcTrackIndex
             * @property {Array.<number>|null} [objectsOfInterest] Scenario objectsOfInterest
             * @property {Array.<modescope.womd.RequiredPrediction.$Properties>|null} [tracksToPredict] Scenario tracksToPredict
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Scenario.
             * @memberof modescope.womd
             * @interface IScenario
             * @augments modescope.womd.Scenario.$Properties
             * @deprecated Use modescope.womd.Scenario.$Properties instead.
             */

            /**
             * Shape of a Scenario.
             * @typedef {{
             *   scenarioId?: string|null;
             *   timestampsSeconds?: Array.<number>|null;
             *   currentTimeIndex?: number|null;
             *   tracks?: Array.<modescope.womd.Track.$Shape>|null;
             *   dynamicMapStates?: Array.<modescope.womd.DynamicMapState.$Shape>|null;
             *   mapFeatures?: Array.<modescope.womd.MapFeature.$Shape>|null;
             *   sdcTrackIndex?: number|null;
             *   objectsOfInterest?: Array.<number>|null;
             *   tracksToPredict?: Array.<modescope.womd.RequiredPrediction.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} modescope.womd.Scenario.$Shape
             */

            /**
             * Constructs a new Scenario.
             * @memberof modescope.womd
             * @classdesc Represents a Scenario.
             * @constructor
             * @param {modescope.womd.Scenario.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Scenario = function (p) {
                this.timestampsSeconds = [];
                this.tracks = [];
                this.dynamicMapStates = [];
                this.mapFeatures = [];
                this.objectsOfInterest = [];
                this.tracksToPredict = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Scenario scenarioId.
             * @member {string} scenarioId
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.scenarioId = "";

            /**
             * Scenario timestampsSeconds.
             * @member {Array.<number>} timestampsSeconds
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.timestampsSeconds = $util.emptyArray;

            /**
             * Scenario currentTimeIndex.
             * @member {number} currentTimeIndex
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.currentTimeIndex = 0;

            /**
             * Scenario tracks.
             * @member {Array.<modescope.womd.Track.$Properties>} tracks
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.tracks = $util.emptyArray;

            /**
             * Scenario dynamicMapStates.
             * @member {Array.<modescope.womd.DynamicMapState.$Properties>} dynamicMapStates
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.dynamicMapStates = $util.emptyArray;

            /**
             * Scenario mapFeatures.
             * @member {Array.<modescope.womd.MapFeature.$Properties>} mapFeatures
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.mapFeatures = $util.emptyArray;

            /**
             * Scenario sdcTrackIndex.
             * @member {number} sdcTrackIndex
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.sdcTrackIndex = 0;

            /**
             * Scenario objectsOfInterest.
             * @member {Array.<number>} objectsOfInterest
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.objectsOfInterest = $util.emptyArray;

            /**
             * Scenario tracksToPredict.
             * @member {Array.<modescope.womd.RequiredPrediction.$Properties>} tracksToPredict
             * @memberof modescope.womd.Scenario
             * @instance
             */
            Scenario.prototype.tracksToPredict = $util.emptyArray;

            /**
             * Creates a new Scenario instance using the specified properties.
             * @function create
             * @memberof modescope.womd.Scenario
             * @static
             * @param {modescope.womd.Scenario.$Properties=} [properties] Properties to set
             * @returns {modescope.womd.Scenario} Scenario instance
             * @type {{
             *   (properties: modescope.womd.Scenario.$Shape): modescope.womd.Scenario & modescope.womd.Scenario.$Shape;
             *   (properties?: modescope.womd.Scenario.$Properties): modescope.womd.Scenario;
             * }}
             */
            Scenario.create = function(properties) {
                return new Scenario(properties);
            };

            /**
             * Encodes the specified Scenario message. Does not implicitly {@link modescope.womd.Scenario.verify|verify} messages.
             * @function encode
             * @memberof modescope.womd.Scenario
             * @static
             * @param {modescope.womd.Scenario.$Properties} m Scenario message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Scenario.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.timestampsSeconds != null && m.timestampsSeconds.length) {
                    for (var i = 0; i < m.timestampsSeconds.length; ++i)
                        w.uint32(/* id 1, wireType 1 =*/9).double(m.timestampsSeconds[i]);
                }
                if (m.tracks != null && m.tracks.length) {
                    for (var i = 0; i < m.tracks.length; ++i)
                        $root.modescope.womd.Track.encode(m.tracks[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                }
                if (m.objectsOfInterest != null && m.objectsOfInterest.length) {
                    for (var i = 0; i < m.objectsOfInterest.length; ++i)
                        w.uint32(/* id 4, wireType 0 =*/32).int32(m.objectsOfInterest[i]);
                }
                if (m.scenarioId != null && $Object.hasOwnProperty.call(m, "scenarioId"))
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.scenarioId);
                if (m.sdcTrackIndex != null && $Object.hasOwnProperty.call(m, "sdcTrackIndex"))
                    w.uint32(/* id 6, wireType 0 =*/48).int32(m.sdcTrackIndex);
                if (m.dynamicMapStates != null && m.dynamicMapStates.length) {
                    for (var i = 0; i < m.dynamicMapStates.length; ++i)
                        $root.modescope.womd.DynamicMapState.encode(m.dynamicMapStates[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                }
                if (m.mapFeatures != null && m.mapFeatures.length) {
                    for (var i = 0; i < m.mapFeatures.length; ++i)
                        $root.modescope.womd.MapFeature.encode(m.mapFeatures[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                }
                if (m.currentTimeIndex != null && $Object.hasOwnProperty.call(m, "currentTimeIndex"))
                    w.uint32(/* id 10, wireType 0 =*/80).int32(m.currentTimeIndex);
                if (m.tracksToPredict != null && m.tracksToPredict.length) {
                    for (var i = 0; i < m.tracksToPredict.length; ++i)
                        $root.modescope.womd.RequiredPrediction.encode(m.tracksToPredict[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Scenario message from the specified reader or buffer.
             * @function decode
             * @memberof modescope.womd.Scenario
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {modescope.womd.Scenario & modescope.womd.Scenario.$Shape} Scenario
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Scenario.decode = function (r, l, z, q, g) {
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
                m = g || new $root.modescope.womd.Scenario();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 5: {
                            if (u !== 2)
                                break;
                            m.scenarioId = r.string();
                            continue;
                        }
                    case 1: {
                            if (u === 2) {
                                if (!(m.timestampsSeconds && m.timestampsSeconds.length))
                                    m.timestampsSeconds = [];
                                r.doubles(m.timestampsSeconds);
                                continue;
                            }
                            if (u !== 1)
                                break;
                            if (!(m.timestampsSeconds && m.timestampsSeconds.length))
                                m.timestampsSeconds = [];
                            m.timestampsSeconds.push(r.double());
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            m.currentTimeIndex = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.tracks && m.tracks.length))
                                m.tracks = [];
                            m.tracks.push($root.modescope.womd.Track.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.dynamicMapStates && m.dynamicMapStates.length))
                                m.dynamicMapStates = [];
                            m.dynamicMapStates.push($root.modescope.womd.DynamicMapState.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.mapFeatures && m.mapFeatures.length))
                                m.mapFeatures = [];
                            m.mapFeatures.push($root.modescope.womd.MapFeature.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            m.sdcTrackIndex = r.int32();
                            continue;
                        }
                    case 4: {
                            if (u === 2) {
                                if (!(m.objectsOfInterest && m.objectsOfInterest.length))
                                    m.objectsOfInterest = [];
                                r.int32s(m.objectsOfInterest);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.objectsOfInterest && m.objectsOfInterest.length))
                                m.objectsOfInterest = [];
                            m.objectsOfInterest.push(r.int32());
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.tracksToPredict && m.tracksToPredict.length))
                                m.tracksToPredict = [];
                            m.tracksToPredict.push($root.modescope.womd.RequiredPrediction.decode(r, r.size(), $undefined, q + 1));
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
             * Gets the type url for Scenario
             * @function getTypeUrl
             * @memberof modescope.womd.Scenario
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Scenario.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/modescope.womd.Scenario";
            };

            return Scenario;
        })();

        return womd;
    })();

    return modescope;
})();

export {
  $root as default
};
