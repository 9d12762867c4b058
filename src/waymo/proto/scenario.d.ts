import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace modescope. */
export namespace modescope {

    /** Namespace womd. */
    namespace womd {

        /**
         * Properties of a MapPoint.
         * @deprecated Use modescope.womd.MapPoint.$Properties instead.
         */
        interface IMapPoint extends modescope.womd.MapPoint.$Properties {
        }

        /** Represents a MapPoint. */
        class MapPoint {

            /**
             * Constructs a new MapPoint.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.MapPoint.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MapPoint x. */
            x: number;

            /** MapPoint y. */
            y: number;

            /** MapPoint z. */
            z: number;

            /**
             * Creates a new MapPoint instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MapPoint instance
             */
            static create(properties: modescope.womd.MapPoint.$Shape): modescope.womd.MapPoint & modescope.womd.MapPoint.$Shape;
            static create(properties?: modescope.womd.MapPoint.$Properties): modescope.womd.MapPoint;

            /**
             * Encodes the specified MapPoint message. Does not implicitly {@link modescope.womd.MapPoint.verify|verify} messages.
             * @param m MapPoint message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.MapPoint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MapPoint message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.MapPoint & modescope.womd.MapPoint.$Shape} MapPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.MapPoint & modescope.womd.MapPoint.$Shape;

            /**
             * Gets the type url for MapPoint
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MapPoint {

            /** Properties of a MapPoint. */
            interface $Properties {

                /** MapPoint x */
                x?: (number|null);

                /** MapPoint y */
                y?: (number|null);

                /** MapPoint z */
                z?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MapPoint. */
            type $Shape = modescope.womd.MapPoint.$Properties;
        }

        /**
         * Properties of a BoundarySegment.
         * @deprecated Use modescope.womd.BoundarySegment.$Properties instead.
         */
        interface IBoundarySegment extends modescope.womd.BoundarySegment.$Properties {
        }

        /** Represents a BoundarySegment. */
        class BoundarySegment {

            /**
             * Constructs a new BoundarySegment.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.BoundarySegment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BoundarySegment laneStartIndex. */
            laneStartIndex: number;

            /** BoundarySegment laneEndIndex. */
            laneEndIndex: number;

            /** BoundarySegment boundaryFeatureId. */
            boundaryFeatureId: number;

            /** BoundarySegment boundaryType. */
            boundaryType: modescope.womd.RoadLine.RoadLineType;

            /**
             * Creates a new BoundarySegment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BoundarySegment instance
             */
            static create(properties: modescope.womd.BoundarySegment.$Shape): modescope.womd.BoundarySegment & modescope.womd.BoundarySegment.$Shape;
            static create(properties?: modescope.womd.BoundarySegment.$Properties): modescope.womd.BoundarySegment;

            /**
             * Encodes the specified BoundarySegment message. Does not implicitly {@link modescope.womd.BoundarySegment.verify|verify} messages.
             * @param m BoundarySegment message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.BoundarySegment.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BoundarySegment message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.BoundarySegment & modescope.womd.BoundarySegment.$Shape} BoundarySegment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.BoundarySegment & modescope.womd.BoundarySegment.$Shape;

            /**
             * Gets the type url for BoundarySegment
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BoundarySegment {

            /** Properties of a BoundarySegment. */
            interface $Properties {

                /** BoundarySegment laneStartIndex */
                laneStartIndex?: (number|null);

                /** BoundarySegment laneEndIndex */
                laneEndIndex?: (number|null);

                /** BoundarySegment boundaryFeatureId */
                boundaryFeatureId?: (number|null);

                /** BoundarySegment boundaryType */
                boundaryType?: (modescope.womd.RoadLine.RoadLineType|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BoundarySegment. */
            type $Shape = modescope.womd.BoundarySegment.$Properties;
        }

        /**
         * Properties of a LaneNeighbor.
         * @deprecated Use modescope.womd.LaneNeighbor.$Properties instead.
         */
        interface ILaneNeighbor extends modescope.womd.LaneNeighbor.$Properties {
        }

        /** Represents a LaneNeighbor. */
        class LaneNeighbor {

            /**
             * Constructs a new LaneNeighbor.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.LaneNeighbor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LaneNeighbor featureId. */
            featureId: number;

            /** LaneNeighbor selfStartIndex. */
            selfStartIndex: number;

            /** LaneNeighbor selfEndIndex. */
            selfEndIndex: number;

            /** LaneNeighbor neighborStartIndex. */
            neighborStartIndex: number;

            /** LaneNeighbor neighborEndIndex. */
            neighborEndIndex: number;

            /** LaneNeighbor boundaries. */
            boundaries: modescope.womd.BoundarySegment.$Properties[];

            /**
             * Creates a new LaneNeighbor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LaneNeighbor instance
             */
            static create(properties: modescope.womd.LaneNeighbor.$Shape): modescope.womd.LaneNeighbor & modescope.womd.LaneNeighbor.$Shape;
            static create(properties?: modescope.womd.LaneNeighbor.$Properties): modescope.womd.LaneNeighbor;

            /**
             * Encodes the specified LaneNeighbor message. Does not implicitly {@link modescope.womd.LaneNeighbor.verify|verify} messages.
             * @param m LaneNeighbor message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.LaneNeighbor.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LaneNeighbor message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.LaneNeighbor & modescope.womd.LaneNeighbor.$Shape} LaneNeighbor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.LaneNeighbor & modescope.womd.LaneNeighbor.$Shape;

            /**
             * Gets the type url for LaneNeighbor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LaneNeighbor {

            /** Properties of a LaneNeighbor. */
            interface $Properties {

                /** LaneNeighbor featureId */
                featureId?: (number|null);

                /** LaneNeighbor selfStartIndex */
                selfStartIndex?: (number|null);

                /** LaneNeighbor selfEndIndex */
                selfEndIndex?: (number|null);

                /** LaneNeighbor neighborStartIndex */
                neighborStartIndex?: (number|null);

                /** LaneNeighbor neighborEndIndex */
                neighborEndIndex?: (number|null);

                /** LaneNeighbor boundaries */
                boundaries?: (modescope.womd.BoundarySegment.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LaneNeighbor. */
            type $Shape = modescope.womd.LaneNeighbor.$Properties;
        }

        /**
         * Properties of a LaneCenter.
         * @deprecated Use modescope.womd.LaneCenter.$Properties instead.
         */
        interface ILaneCenter extends modescope.womd.LaneCenter.$Properties {
        }

        /** Represents a LaneCenter. */
        class LaneCenter {

            /**
             * Constructs a new LaneCenter.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.LaneCenter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LaneCenter speedLimitMph. */
            speedLimitMph: number;

            /** LaneCenter type. */
            type: modescope.womd.LaneCenter.LaneType;

            /** LaneCenter interpolating. */
            interpolating: boolean;

            /** LaneCenter polyline. */
            polyline: modescope.womd.MapPoint.$Properties[];

            /** LaneCenter entryLanes. */
            entryLanes: number[];

            /** LaneCenter exitLanes. */
            exitLanes: number[];

            /** LaneCenter leftBoundaries. */
            leftBoundaries: modescope.womd.BoundarySegment.$Properties[];

            /** LaneCenter rightBoundaries. */
            rightBoundaries: modescope.womd.BoundarySegment.$Properties[];

            /** LaneCenter leftNeighbors. */
            leftNeighbors: modescope.womd.LaneNeighbor.$Properties[];

            /** LaneCenter rightNeighbors. */
            rightNeighbors: modescope.womd.LaneNeighbor.$Properties[];

            /**
             * Creates a new LaneCenter instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LaneCenter instance
             */
            static create(properties: modescope.womd.LaneCenter.$Shape): modescope.womd.LaneCenter & modescope.womd.LaneCenter.$Shape;
            static create(properties?: modescope.womd.LaneCenter.$Properties): modescope.womd.LaneCenter;

            /**
             * Encodes the specified LaneCenter message. Does not implicitly {@link modescope.womd.LaneCenter.verify|verify} messages.
             * @param m LaneCenter message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.LaneCenter.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LaneCenter message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.LaneCenter & modescope.womd.LaneCenter.$Shape} LaneCenter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.LaneCenter & modescope.womd.LaneCenter.$Shape;

            /**
             * Gets the type url for LaneCenter
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LaneCenter {

            /** Properties of a LaneCenter. */
            interface $Properties {

                /** LaneCenter speedLimitMph */
                speedLimitMph?: (number|null);

                /** LaneCenter type */
                type?: (modescope.womd.LaneCenter.LaneType|null);

                /** LaneCenter interpolating */
                interpolating?: (boolean|null);

                /** LaneCenter polyline */
                polyline?: (modescope.womd.MapPoint.$Properties[]|null);

                /** LaneCenter entryLanes */
                entryLanes?: (number[]|null);

                /** LaneCenter exitLanes */
                exitLanes?: (number[]|null);

                /** LaneCenter leftBoundaries */
                leftBoundaries?: (modescope.womd.BoundarySegment.$Properties[]|null);

                /** LaneCenter rightBoundaries */
                rightBoundaries?: (modescope.womd.BoundarySegment.$Properties[]|null);

                /** LaneCenter leftNeighbors */
                leftNeighbors?: (modescope.womd.LaneNeighbor.$Properties[]|null);

                /** LaneCenter rightNeighbors */
                rightNeighbors?: (modescope.womd.LaneNeighbor.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LaneCenter. */
            type $Shape = modescope.womd.LaneCenter.$Properties;

            /** LaneType enum. */
            enum LaneType {

                /** TYPE_UNDEFINED value */
                TYPE_UNDEFINED = 0,

                /** TYPE_FREEWAY value */
                TYPE_FREEWAY = 1,

                /** TYPE_SURFACE_STREET value */
                TYPE_SURFACE_STREET = 2,

                /** TYPE_BIKE_LANE value */
                TYPE_BIKE_LANE = 3
            }
        }

        /**
         * Properties of a RoadEdge.
         * @deprecated Use modescope.womd.RoadEdge.$Properties instead.
         */
        interface IRoadEdge extends modescope.womd.RoadEdge.$Properties {
        }

        /** Represents a RoadEdge. */
        class RoadEdge {

            /**
             * Constructs a new RoadEdge.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.RoadEdge.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RoadEdge type. */
            type: modescope.womd.RoadEdge.RoadEdgeType;

            /** RoadEdge polyline. */
            polyline: modescope.womd.MapPoint.$Properties[];

            /**
             * Creates a new RoadEdge instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RoadEdge instance
             */
            static create(properties: modescope.womd.RoadEdge.$Shape): modescope.womd.RoadEdge & modescope.womd.RoadEdge.$Shape;
            static create(properties?: modescope.womd.RoadEdge.$Properties): modescope.womd.RoadEdge;

            /**
             * Encodes the specified RoadEdge message. Does not implicitly {@link modescope.womd.RoadEdge.verify|verify} messages.
             * @param m RoadEdge message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.RoadEdge.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RoadEdge message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.RoadEdge & modescope.womd.RoadEdge.$Shape} RoadEdge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.RoadEdge & modescope.womd.RoadEdge.$Shape;

            /**
             * Gets the type url for RoadEdge
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoadEdge {

            /** Properties of a RoadEdge. */
            interface $Properties {

                /** RoadEdge type */
                type?: (modescope.womd.RoadEdge.RoadEdgeType|null);

                /** RoadEdge polyline */
                polyline?: (modescope.womd.MapPoint.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RoadEdge. */
            type $Shape = modescope.womd.RoadEdge.$Properties;

            /** RoadEdgeType enum. */
            enum RoadEdgeType {

                /** TYPE_UNKNOWN value */
                TYPE_UNKNOWN = 0,

                /** TYPE_ROAD_EDGE_BOUNDARY value */
                TYPE_ROAD_EDGE_BOUNDARY = 1,

                /** TYPE_ROAD_EDGE_MEDIAN value */
                TYPE_ROAD_EDGE_MEDIAN = 2
            }
        }

        /**
         * Properties of a RoadLine.
         * @deprecated Use modescope.womd.RoadLine.$Properties instead.
         */
        interface IRoadLine extends modescope.womd.RoadLine.$Properties {
        }

        /** Represents a RoadLine. */
        class RoadLine {

            /**
             * Constructs a new RoadLine.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.RoadLine.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RoadLine type. */
            type: modescope.womd.RoadLine.RoadLineType;

            /** RoadLine polyline. */
            polyline: modescope.womd.MapPoint.$Properties[];

            /**
             * Creates a new RoadLine instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RoadLine instance
             */
            static create(properties: modescope.womd.RoadLine.$Shape): modescope.womd.RoadLine & modescope.womd.RoadLine.$Shape;
            static create(properties?: modescope.womd.RoadLine.$Properties): modescope.womd.RoadLine;

            /**
             * Encodes the specified RoadLine message. Does not implicitly {@link modescope.womd.RoadLine.verify|verify} messages.
             * @param m RoadLine message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.RoadLine.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RoadLine message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.RoadLine & modescope.womd.RoadLine.$Shape} RoadLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.RoadLine & modescope.womd.RoadLine.$Shape;

            /**
             * Gets the type url for RoadLine
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoadLine {

            /** Properties of a RoadLine. */
            interface $Properties {

                /** RoadLine type */
                type?: (modescope.womd.RoadLine.RoadLineType|null);

                /** RoadLine polyline */
                polyline?: (modescope.womd.MapPoint.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RoadLine. */
            type $Shape = modescope.womd.RoadLine.$Properties;

            /** RoadLineType enum. */
            enum RoadLineType {

                /** TYPE_UNKNOWN value */
                TYPE_UNKNOWN = 0,

                /** TYPE_BROKEN_SINGLE_WHITE value */
                TYPE_BROKEN_SINGLE_WHITE = 1,

                /** TYPE_SOLID_SINGLE_WHITE value */
                TYPE_SOLID_SINGLE_WHITE = 2,

                /** TYPE_SOLID_DOUBLE_WHITE value */
                TYPE_SOLID_DOUBLE_WHITE = 3,

                /** TYPE_BROKEN_SINGLE_YELLOW value */
                TYPE_BROKEN_SINGLE_YELLOW = 4,

                /** TYPE_BROKEN_DOUBLE_YELLOW value */
                TYPE_BROKEN_DOUBLE_YELLOW = 5,

                /** TYPE_SOLID_SINGLE_YELLOW value */
                TYPE_SOLID_SINGLE_YELLOW = 6,

                /** TYPE_SOLID_DOUBLE_YELLOW value */
                TYPE_SOLID_DOUBLE_YELLOW = 7,

                /** TYPE_PASSING_DOUBLE_YELLOW value */
                TYPE_PASSING_DOUBLE_YELLOW = 8
            }
        }

        /**
         * Properties of a StopSign.
         * @deprecated Use modescope.womd.StopSign.$Properties instead.
         */
        interface IStopSign extends modescope.womd.StopSign.$Properties {
        }

        /** Represents a StopSign. */
        class StopSign {

            /**
             * Constructs a new StopSign.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.StopSign.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StopSign lane. */
            lane: number[];

            /** StopSign position. */
            position?: (modescope.womd.MapPoint.$Properties|null);

            /**
             * Creates a new StopSign instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StopSign instance
             */
            static create(properties: modescope.womd.StopSign.$Shape): modescope.womd.StopSign & modescope.womd.StopSign.$Shape;
            static create(properties?: modescope.womd.StopSign.$Properties): modescope.womd.StopSign;

            /**
             * Encodes the specified StopSign message. Does not implicitly {@link modescope.womd.StopSign.verify|verify} messages.
             * @param m StopSign message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.StopSign.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StopSign message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.StopSign & modescope.womd.StopSign.$Shape} StopSign
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.StopSign & modescope.womd.StopSign.$Shape;

            /**
             * Gets the type url for StopSign
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StopSign {

            /** Properties of a StopSign. */
            interface $Properties {

                /** StopSign lane */
                lane?: (number[]|null);

                /** StopSign position */
                position?: (modescope.womd.MapPoint.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StopSign. */
            type $Shape = modescope.womd.StopSign.$Properties;
        }

        /**
         * Properties of a Crosswalk.
         * @deprecated Use modescope.womd.Crosswalk.$Properties instead.
         */
        interface ICrosswalk extends modescope.womd.Crosswalk.$Properties {
        }

        /** Represents a Crosswalk. */
        class Crosswalk {

            /**
             * Constructs a new Crosswalk.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.Crosswalk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Crosswalk polygon. */
            polygon: modescope.womd.MapPoint.$Properties[];

            /**
             * Creates a new Crosswalk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Crosswalk instance
             */
            static create(properties: modescope.womd.Crosswalk.$Shape): modescope.womd.Crosswalk & modescope.womd.Crosswalk.$Shape;
            static create(properties?: modescope.womd.Crosswalk.$Properties): modescope.womd.Crosswalk;

            /**
             * Encodes the specified Crosswalk message. Does not implicitly {@link modescope.womd.Crosswalk.verify|verify} messages.
             * @param m Crosswalk message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.Crosswalk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Crosswalk message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.Crosswalk & modescope.womd.Crosswalk.$Shape} Crosswalk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.Crosswalk & modescope.womd.Crosswalk.$Shape;

            /**
             * Gets the type url for Crosswalk
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Crosswalk {

            /** Properties of a Crosswalk. */
            interface $Properties {

                /** Crosswalk polygon */
                polygon?: (modescope.womd.MapPoint.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Crosswalk. */
            type $Shape = modescope.womd.Crosswalk.$Properties;
        }

        /**
         * Properties of a SpeedBump.
         * @deprecated Use modescope.womd.SpeedBump.$Properties instead.
         */
        interface ISpeedBump extends modescope.womd.SpeedBump.$Properties {
        }

        /** Represents a SpeedBump. */
        class SpeedBump {

            /**
             * Constructs a new SpeedBump.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.SpeedBump.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SpeedBump polygon. */
            polygon: modescope.womd.MapPoint.$Properties[];

            /**
             * Creates a new SpeedBump instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SpeedBump instance
             */
            static create(properties: modescope.womd.SpeedBump.$Shape): modescope.womd.SpeedBump & modescope.womd.SpeedBump.$Shape;
            static create(properties?: modescope.womd.SpeedBump.$Properties): modescope.womd.SpeedBump;

            /**
             * Encodes the specified SpeedBump message. Does not implicitly {@link modescope.womd.SpeedBump.verify|verify} messages.
             * @param m SpeedBump message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.SpeedBump.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SpeedBump message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.SpeedBump & modescope.womd.SpeedBump.$Shape} SpeedBump
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.SpeedBump & modescope.womd.SpeedBump.$Shape;

            /**
             * Gets the type url for SpeedBump
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SpeedBump {

            /** Properties of a SpeedBump. */
            interface $Properties {

                /** SpeedBump polygon */
                polygon?: (modescope.womd.MapPoint.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SpeedBump. */
            type $Shape = modescope.womd.SpeedBump.$Properties;
        }

        /**
         * Properties of a Driveway.
         * @deprecated Use modescope.womd.Driveway.$Properties instead.
         */
        interface IDriveway extends modescope.womd.Driveway.$Properties {
        }

        /** Represents a Driveway. */
        class Driveway {

            /**
             * Constructs a new Driveway.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.Driveway.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Driveway polygon. */
            polygon: modescope.womd.MapPoint.$Properties[];

            /**
             * Creates a new Driveway instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Driveway instance
             */
            static create(properties: modescope.womd.Driveway.$Shape): modescope.womd.Driveway & modescope.womd.Driveway.$Shape;
            static create(properties?: modescope.womd.Driveway.$Properties): modescope.womd.Driveway;

            /**
             * Encodes the specified Driveway message. Does not implicitly {@link modescope.womd.Driveway.verify|verify} messages.
             * @param m Driveway message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.Driveway.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Driveway message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.Driveway & modescope.womd.Driveway.$Shape} Driveway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.Driveway & modescope.womd.Driveway.$Shape;

            /**
             * Gets the type url for Driveway
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Driveway {

            /** Properties of a Driveway. */
            interface $Properties {

                /** Driveway polygon */
                polygon?: (modescope.womd.MapPoint.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Driveway. */
            type $Shape = modescope.womd.Driveway.$Properties;
        }

        /**
         * Properties of a MapFeature.
         * @deprecated Use modescope.womd.MapFeature.$Properties instead.
         */
        interface IMapFeature extends modescope.womd.MapFeature.$Properties {
        }

        /** Represents a MapFeature. */
        class MapFeature {

            /**
             * Constructs a new MapFeature.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.MapFeature.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MapFeature id. */
            id: number;

            /** MapFeature lane. */
            lane?: (modescope.womd.LaneCenter.$Properties|null);

            /** MapFeature roadLine. */
            roadLine?: (modescope.womd.RoadLine.$Properties|null);

            /** MapFeature roadEdge. */
            roadEdge?: (modescope.womd.RoadEdge.$Properties|null);

            /** MapFeature stopSign. */
            stopSign?: (modescope.womd.StopSign.$Properties|null);

            /** MapFeature crosswalk. */
            crosswalk?: (modescope.womd.Crosswalk.$Properties|null);

            /** MapFeature speedBump. */
            speedBump?: (modescope.womd.SpeedBump.$Properties|null);

            /** MapFeature driveway. */
            driveway?: (modescope.womd.Driveway.$Properties|null);

            /** MapFeature featureData. */
            featureData?: ("lane"|"roadLine"|"roadEdge"|"stopSign"|"crosswalk"|"speedBump"|"driveway");

            /**
             * Creates a new MapFeature instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MapFeature instance
             */
            static create(properties: modescope.womd.MapFeature.$Shape): modescope.womd.MapFeature & modescope.womd.MapFeature.$Shape;
            static create(properties?: modescope.womd.MapFeature.$Properties): modescope.womd.MapFeature;

            /**
             * Encodes the specified MapFeature message. Does not implicitly {@link modescope.womd.MapFeature.verify|verify} messages.
             * @param m MapFeature message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.MapFeature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MapFeature message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.MapFeature & modescope.womd.MapFeature.$Shape} MapFeature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.MapFeature & modescope.womd.MapFeature.$Shape;

            /**
             * Gets the type url for MapFeature
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MapFeature {

            /** Properties of a MapFeature. */
            interface $Properties {

                /** MapFeature id */
                id?: (number|null);

                /** MapFeature lane */
                lane?: (modescope.womd.LaneCenter.$Properties|null);

                /** MapFeature roadLine */
                roadLine?: (modescope.womd.RoadLine.$Properties|null);

                /** MapFeature roadEdge */
                roadEdge?: (modescope.womd.RoadEdge.$Properties|null);

                /** MapFeature stopSign */
                stopSign?: (modescope.womd.StopSign.$Properties|null);

                /** MapFeature crosswalk */
                crosswalk?: (modescope.womd.Crosswalk.$Properties|null);

                /** MapFeature speedBump */
                speedBump?: (modescope.womd.SpeedBump.$Properties|null);

                /** MapFeature driveway */
                driveway?: (modescope.womd.Driveway.$Properties|null);

                /** MapFeature featureData */
                featureData?: ("lane"|"roadLine"|"roadEdge"|"stopSign"|"crosswalk"|"speedBump"|"driveway");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a MapFeature. */
            type $Shape = {
              id?: number|null;
              lane?: modescope.womd.LaneCenter.$Shape|null;
              roadLine?: modescope.womd.RoadLine.$Shape|null;
              roadEdge?: modescope.womd.RoadEdge.$Shape|null;
              stopSign?: modescope.womd.StopSign.$Shape|null;
              crosswalk?: modescope.womd.Crosswalk.$Shape|null;
              speedBump?: modescope.womd.SpeedBump.$Shape|null;
              driveway?: modescope.womd.Driveway.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ featureData?: undefined; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "lane"; lane: modescope.womd.LaneCenter.$Shape; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "roadLine"; lane?: null; roadLine: modescope.womd.RoadLine.$Shape; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "roadEdge"; lane?: null; roadLine?: null; roadEdge: modescope.womd.RoadEdge.$Shape; stopSign?: null; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "stopSign"; lane?: null; roadLine?: null; roadEdge?: null; stopSign: modescope.womd.StopSign.$Shape; crosswalk?: null; speedBump?: null; driveway?: null }|{ featureData?: "crosswalk"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk: modescope.womd.Crosswalk.$Shape; speedBump?: null; driveway?: null }|{ featureData?: "speedBump"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump: modescope.womd.SpeedBump.$Shape; driveway?: null }|{ featureData?: "driveway"; lane?: null; roadLine?: null; roadEdge?: null; stopSign?: null; crosswalk?: null; speedBump?: null; driveway: modescope.womd.Driveway.$Shape })
            );
        }

        /**
         * Properties of a TrafficSignalLaneState.
         * @deprecated Use modescope.womd.TrafficSignalLaneState.$Properties instead.
         */
        interface ITrafficSignalLaneState extends modescope.womd.TrafficSignalLaneState.$Properties {
        }

        /** Represents a TrafficSignalLaneState. */
        class TrafficSignalLaneState {

            /**
             * Constructs a new TrafficSignalLaneState.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.TrafficSignalLaneState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrafficSignalLaneState lane. */
            lane: number;

            /** TrafficSignalLaneState state. */
            state: modescope.womd.TrafficSignalLaneState.State;

            /** TrafficSignalLaneState stopPoint. */
            stopPoint?: (modescope.womd.MapPoint.$Properties|null);

            /**
             * Creates a new TrafficSignalLaneState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrafficSignalLaneState instance
             */
            static create(properties: modescope.womd.TrafficSignalLaneState.$Shape): modescope.womd.TrafficSignalLaneState & modescope.womd.TrafficSignalLaneState.$Shape;
            static create(properties?: modescope.womd.TrafficSignalLaneState.$Properties): modescope.womd.TrafficSignalLaneState;

            /**
             * Encodes the specified TrafficSignalLaneState message. Does not implicitly {@link modescope.womd.TrafficSignalLaneState.verify|verify} messages.
             * @param m TrafficSignalLaneState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.TrafficSignalLaneState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrafficSignalLaneState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.TrafficSignalLaneState & modescope.womd.TrafficSignalLaneState.$Shape} TrafficSignalLaneState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.TrafficSignalLaneState & modescope.womd.TrafficSignalLaneState.$Shape;

            /**
             * Gets the type url for TrafficSignalLaneState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrafficSignalLaneState {

            /** Properties of a TrafficSignalLaneState. */
            interface $Properties {

                /** TrafficSignalLaneState lane */
                lane?: (number|null);

                /** TrafficSignalLaneState state */
                state?: (modescope.womd.TrafficSignalLaneState.State|null);

                /** TrafficSignalLaneState stopPoint */
                stopPoint?: (modescope.womd.MapPoint.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrafficSignalLaneState. */
            type $Shape = modescope.womd.TrafficSignalLaneState.$Properties;

            /** State enum. */
            enum State {

                /** LANE_STATE_UNKNOWN value */
                LANE_STATE_UNKNOWN = 0,

                /** LANE_STATE_ARROW_STOP value */
                LANE_STATE_ARROW_STOP = 1,

                /** LANE_STATE_ARROW_CAUTION value */
                LANE_STATE_ARROW_CAUTION = 2,

                /** LANE_STATE_ARROW_GO value */
                LANE_STATE_ARROW_GO = 3,

                /** LANE_STATE_STOP value */
                LANE_STATE_STOP = 4,

                /** LANE_STATE_CAUTION value */
                LANE_STATE_CAUTION = 5,

                /** LANE_STATE_GO value */
                LANE_STATE_GO = 6,

                /** LANE_STATE_FLASHING_STOP value */
                LANE_STATE_FLASHING_STOP = 7,

                /** LANE_STATE_FLASHING_CAUTION value */
                LANE_STATE_FLASHING_CAUTION = 8
            }
        }

        /**
         * Properties of a DynamicMapState.
         * @deprecated Use modescope.womd.DynamicMapState.$Properties instead.
         */
        interface IDynamicMapState extends modescope.womd.DynamicMapState.$Properties {
        }

        /** Represents a DynamicMapState. */
        class DynamicMapState {

            /**
             * Constructs a new DynamicMapState.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.DynamicMapState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DynamicMapState laneStates. */
            laneStates: modescope.womd.TrafficSignalLaneState.$Properties[];

            /**
             * Creates a new DynamicMapState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DynamicMapState instance
             */
            static create(properties: modescope.womd.DynamicMapState.$Shape): modescope.womd.DynamicMapState & modescope.womd.DynamicMapState.$Shape;
            static create(properties?: modescope.womd.DynamicMapState.$Properties): modescope.womd.DynamicMapState;

            /**
             * Encodes the specified DynamicMapState message. Does not implicitly {@link modescope.womd.DynamicMapState.verify|verify} messages.
             * @param m DynamicMapState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.DynamicMapState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DynamicMapState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.DynamicMapState & modescope.womd.DynamicMapState.$Shape} DynamicMapState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.DynamicMapState & modescope.womd.DynamicMapState.$Shape;

            /**
             * Gets the type url for DynamicMapState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DynamicMapState {

            /** Properties of a DynamicMapState. */
            interface $Properties {

                /** DynamicMapState laneStates */
                laneStates?: (modescope.womd.TrafficSignalLaneState.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DynamicMapState. */
            type $Shape = modescope.womd.DynamicMapState.$Properties;
        }

        /**
         * Properties of an ObjectState.
         * @deprecated Use modescope.womd.ObjectState.$Properties instead.
         */
        interface IObjectState extends modescope.womd.ObjectState.$Properties {
        }

        /** Represents an ObjectState. */
        class ObjectState {

            /**
             * Constructs a new ObjectState.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.ObjectState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ObjectState centerX. */
            centerX: number;

            /** ObjectState centerY. */
            centerY: number;

            /** ObjectState centerZ. */
            centerZ: number;

            /** ObjectState length. */
            length: number;

            /** ObjectState width. */
            width: number;

            /** ObjectState height. */
            height: number;

            /** ObjectState heading. */
            heading: number;

            /** ObjectState velocityX. */
            velocityX: number;

            /** ObjectState velocityY. */
            velocityY: number;

            /** ObjectState valid. */
            valid: boolean;

            /**
             * Creates a new ObjectState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ObjectState instance
             */
            static create(properties: modescope.womd.ObjectState.$Shape): modescope.womd.ObjectState & modescope.womd.ObjectState.$Shape;
            static create(properties?: modescope.womd.ObjectState.$Properties): modescope.womd.ObjectState;

            /**
             * Encodes the specified ObjectState message. Does not implicitly {@link modescope.womd.ObjectState.verify|verify} messages.
             * @param m ObjectState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.ObjectState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ObjectState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.ObjectState & modescope.womd.ObjectState.$Shape} ObjectState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.ObjectState & modescope.womd.ObjectState.$Shape;

            /**
             * Gets the type url for ObjectState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ObjectState {

            /** Properties of an ObjectState. */
            interface $Properties {

                /** ObjectState centerX */
                centerX?: (number|null);

                /** ObjectState centerY */
                centerY?: (number|null);

                /** ObjectState centerZ */
                centerZ?: (number|null);

                /** ObjectState length */
                length?: (number|null);

                /** ObjectState width */
                width?: (number|null);

                /** ObjectState height */
                height?: (number|null);

                /** ObjectState heading */
                heading?: (number|null);

                /** ObjectState velocityX */
                velocityX?: (number|null);

                /** ObjectState velocityY */
                velocityY?: (number|null);

                /** ObjectState valid */
                valid?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ObjectState. */
            type $Shape = modescope.womd.ObjectState.$Properties;
        }

        /**
         * Properties of a Track.
         * @deprecated Use modescope.womd.Track.$Properties instead.
         */
        interface ITrack extends modescope.womd.Track.$Properties {
        }

        /** Represents a Track. */
        class Track {

            /**
             * Constructs a new Track.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.Track.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Track id. */
            id: number;

            /** Track objectType. */
            objectType: modescope.womd.Track.ObjectType;

            /** Track states. */
            states: modescope.womd.ObjectState.$Properties[];

            /**
             * Creates a new Track instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Track instance
             */
            static create(properties: modescope.womd.Track.$Shape): modescope.womd.Track & modescope.womd.Track.$Shape;
            static create(properties?: modescope.womd.Track.$Properties): modescope.womd.Track;

            /**
             * Encodes the specified Track message. Does not implicitly {@link modescope.womd.Track.verify|verify} messages.
             * @param m Track message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.Track.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Track message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.Track & modescope.womd.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.Track & modescope.womd.Track.$Shape;

            /**
             * Gets the type url for Track
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Track {

            /** Properties of a Track. */
            interface $Properties {

                /** Track id */
                id?: (number|null);

                /** Track objectType */
                objectType?: (modescope.womd.Track.ObjectType|null);

                /** Track states */
                states?: (modescope.womd.ObjectState.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Track. */
            type $Shape = modescope.womd.Track.$Properties;

            /** ObjectType enum. */
            enum ObjectType {

                /** TYPE_UNSET value */
                TYPE_UNSET = 0,

                /** TYPE_VEHICLE value */
                TYPE_VEHICLE = 1,

                /** TYPE_PEDESTRIAN value */
                TYPE_PEDESTRIAN = 2,

                /** TYPE_CYCLIST value */
                TYPE_CYCLIST = 3,

                /** TYPE_OTHER value */
                TYPE_OTHER = 4
            }
        }

        /**
         * Properties of a RequiredPrediction.
         * @deprecated Use modescope.womd.RequiredPrediction.$Properties instead.
         */
        interface IRequiredPrediction extends modescope.womd.RequiredPrediction.$Properties {
        }

        /** Represents a RequiredPrediction. */
        class RequiredPrediction {

            /**
             * Constructs a new RequiredPrediction.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.RequiredPrediction.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RequiredPrediction trackIndex. */
            trackIndex: number;

            /** RequiredPrediction difficulty. */
            difficulty: modescope.womd.RequiredPrediction.DifficultyLevel;

            /**
             * Creates a new RequiredPrediction instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RequiredPrediction instance
             */
            static create(properties: modescope.womd.RequiredPrediction.$Shape): modescope.womd.RequiredPrediction & modescope.womd.RequiredPrediction.$Shape;
            static create(properties?: modescope.womd.RequiredPrediction.$Properties): modescope.womd.RequiredPrediction;

            /**
             * Encodes the specified RequiredPrediction message. Does not implicitly {@link modescope.womd.RequiredPrediction.verify|verify} messages.
             * @param m RequiredPrediction message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.RequiredPrediction.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RequiredPrediction message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.RequiredPrediction & modescope.womd.RequiredPrediction.$Shape} RequiredPrediction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.RequiredPrediction & modescope.womd.RequiredPrediction.$Shape;

            /**
             * Gets the type url for RequiredPrediction
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RequiredPrediction {

            /** Properties of a RequiredPrediction. */
            interface $Properties {

                /** RequiredPrediction trackIndex */
                trackIndex?: (number|null);

                /** RequiredPrediction difficulty */
                difficulty?: (modescope.womd.RequiredPrediction.DifficultyLevel|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RequiredPrediction. */
            type $Shape = modescope.womd.RequiredPrediction.$Properties;

            /** DifficultyLevel enum. */
            enum DifficultyLevel {

                /** NONE value */
                NONE = 0,

                /** LEVEL_1 value */
                LEVEL_1 = 1,

                /** LEVEL_2 value */
                LEVEL_2 = 2
            }
        }

        /**
         * Properties of a Scenario.
         * @deprecated Use modescope.womd.Scenario.$Properties instead.
         */
        interface IScenario extends modescope.womd.Scenario.$Properties {
        }

        /** Represents a Scenario. */
        class Scenario {

            /**
             * Constructs a new Scenario.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.womd.Scenario.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Scenario scenarioId. */
            scenarioId: string;

            /** Scenario timestampsSeconds. */
            timestampsSeconds: number[];

            /** Scenario currentTimeIndex. */
            currentTimeIndex: number;

            /** Scenario tracks. */
            tracks: modescope.womd.Track.$Properties[];

            /** Scenario dynamicMapStates. */
            dynamicMapStates: modescope.womd.DynamicMapState.$Properties[];

            /** Scenario mapFeatures. */
            mapFeatures: modescope.womd.MapFeature.$Properties[];

            /** Scenario sdcTrackIndex. */
            sdcTrackIndex: number;

            /** Scenario objectsOfInterest. */
            objectsOfInterest: number[];

            /** Scenario tracksToPredict. */
            tracksToPredict: modescope.womd.RequiredPrediction.$Properties[];

            /**
             * Creates a new Scenario instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Scenario instance
             */
            static create(properties: modescope.womd.Scenario.$Shape): modescope.womd.Scenario & modescope.womd.Scenario.$Shape;
            static create(properties?: modescope.womd.Scenario.$Properties): modescope.womd.Scenario;

            /**
             * Encodes the specified Scenario message. Does not implicitly {@link modescope.womd.Scenario.verify|verify} messages.
             * @param m Scenario message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.womd.Scenario.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Scenario message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.womd.Scenario & modescope.womd.Scenario.$Shape} Scenario
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.womd.Scenario & modescope.womd.Scenario.$Shape;

            /**
             * Gets the type url for Scenario
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Scenario {

            /** Properties of a Scenario. */
            interface $Properties {

                /** Scenario scenarioId */
                scenarioId?: (string|null);

                /** Scenario timestampsSeconds */
                timestampsSeconds?: (number[]|null);

                /** Scenario currentTimeIndex */
                currentTimeIndex?: (number|null);

                /** Scenario tracks */
                tracks?: (modescope.womd.Track.$Properties[]|null);

                /** Scenario dynamicMapStates */
                dynamicMapStates?: (modescope.womd.DynamicMapState.$Properties[]|null);

                /** Scenario mapFeatures */
                mapFeatures?: (modescope.womd.MapFeature.$Properties[]|null);

                /** Scenario sdcTrackIndex */
                sdcTrackIndex?: (number|null);

                /** Scenario objectsOfInterest */
                objectsOfInterest?: (number[]|null);

                /** Scenario tracksToPredict */
                tracksToPredict?: (modescope.womd.RequiredPrediction.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Scenario. */
            type $Shape = {
              scenarioId?: string|null;
              timestampsSeconds?: number[]|null;
              currentTimeIndex?: number|null;
              tracks?: modescope.womd.Track.$Shape[]|null;
              dynamicMapStates?: modescope.womd.DynamicMapState.$Shape[]|null;
              mapFeatures?: modescope.womd.MapFeature.$Shape[]|null;
              sdcTrackIndex?: number|null;
              objectsOfInterest?: number[]|null;
              tracksToPredict?: modescope.womd.RequiredPrediction.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }
}
