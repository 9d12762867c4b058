import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace modescope. */
export namespace modescope {

    /** Namespace tf. */
    namespace tf {

        /**
         * Properties of a BytesList.
         * @deprecated Use modescope.tf.BytesList.$Properties instead.
         */
        interface IBytesList extends modescope.tf.BytesList.$Properties {
        }

        /** Represents a BytesList. */
        class BytesList {

            /**
             * Constructs a new BytesList.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.BytesList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BytesList value. */
            value: Uint8Array[];

            /**
             * Creates a new BytesList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BytesList instance
             */
            static create(properties: modescope.tf.BytesList.$Shape): modescope.tf.BytesList & modescope.tf.BytesList.$Shape;
            static create(properties?: modescope.tf.BytesList.$Properties): modescope.tf.BytesList;

            /**
             * Encodes the specified BytesList message. Does not implicitly {@link modescope.tf.BytesList.verify|verify} messages.
             * @param m BytesList message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.BytesList.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BytesList message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.BytesList & modescope.tf.BytesList.$Shape} BytesList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.BytesList & modescope.tf.BytesList.$Shape;

            /**
             * Gets the type url for BytesList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BytesList {

            /** Properties of a BytesList. */
            interface $Properties {

                /** BytesList value */
                value?: (Uint8Array[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BytesList. */
            type $Shape = modescope.tf.BytesList.$Properties;
        }

        /**
         * Properties of a FloatList.
         * @deprecated Use modescope.tf.FloatList.$Properties instead.
         */
        interface IFloatList extends modescope.tf.FloatList.$Properties {
        }

        /** Represents a FloatList. */
        class FloatList {

            /**
             * Constructs a new FloatList.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.FloatList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FloatList value. */
            value: number[];

            /**
             * Creates a new FloatList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FloatList instance
             */
            static create(properties: modescope.tf.FloatList.$Shape): modescope.tf.FloatList & modescope.tf.FloatList.$Shape;
            static create(properties?: modescope.tf.FloatList.$Properties): modescope.tf.FloatList;

            /**
             * Encodes the specified FloatList message. Does not implicitly {@link modescope.tf.FloatList.verify|verify} messages.
             * @param m FloatList message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.FloatList.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FloatList message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.FloatList & modescope.tf.FloatList.$Shape} FloatList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.FloatList & modescope.tf.FloatList.$Shape;

            /**
             * Gets the type url for FloatList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FloatList {

            /** Properties of a FloatList. */
            interface $Properties {

                /** FloatList value */
                value?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FloatList. */
            type $Shape = modescope.tf.FloatList.$Properties;
        }

        /**
         * Properties of an Int64List.
         * @deprecated Use modescope.tf.Int64List.$Properties instead.
         */
        interface IInt64List extends modescope.tf.Int64List.$Properties {
        }

        /** Represents an Int64List. */
        class Int64List {

            /**
             * Constructs a new Int64List.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.Int64List.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Int64List value. */
            value: number[];

            /**
             * Creates a new Int64List instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Int64List instance
             */
            static create(properties: modescope.tf.Int64List.$Shape): modescope.tf.Int64List & modescope.tf.Int64List.$Shape;
            static create(properties?: modescope.tf.Int64List.$Properties): modescope.tf.Int64List;

            /**
             * Encodes the specified Int64List message. Does not implicitly {@link modescope.tf.Int64List.verify|verify} messages.
             * @param m Int64List message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.Int64List.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Int64List message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.Int64List & modescope.tf.Int64List.$Shape} Int64List
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.Int64List & modescope.tf.Int64List.$Shape;

            /**
             * Gets the type url for Int64List
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Int64List {

            /** Properties of an Int64List. */
            interface $Properties {

                /** Int64List value */
                value?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Int64List. */
            type $Shape = modescope.tf.Int64List.$Properties;
        }

        /**
         * Properties of a Feature.
         * @deprecated Use modescope.tf.Feature.$Properties instead.
         */
        interface IFeature extends modescope.tf.Feature.$Properties {
        }

        /** Represents a Feature. */
        class Feature {

            /**
             * Constructs a new Feature.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.Feature.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Feature bytesList. */
            bytesList?: (modescope.tf.BytesList.$Properties|null);

            /** Feature floatList. */
            floatList?: (modescope.tf.FloatList.$Properties|null);

            /** Feature int64List. */
            int64List?: (modescope.tf.Int64List.$Properties|null);

            /** Feature kind. */
            kind?: ("bytesList"|"floatList"|"int64List");

            /**
             * Creates a new Feature instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Feature instance
             */
            static create(properties: modescope.tf.Feature.$Shape): modescope.tf.Feature & modescope.tf.Feature.$Shape;
            static create(properties?: modescope.tf.Feature.$Properties): modescope.tf.Feature;

            /**
             * Encodes the specified Feature message. Does not implicitly {@link modescope.tf.Feature.verify|verify} messages.
             * @param m Feature message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.Feature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Feature message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.Feature & modescope.tf.Feature.$Shape} Feature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.Feature & modescope.tf.Feature.$Shape;

            /**
             * Gets the type url for Feature
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Feature {

            /** Properties of a Feature. */
            interface $Properties {

                /** Feature bytesList */
                bytesList?: (modescope.tf.BytesList.$Properties|null);

                /** Feature floatList */
                floatList?: (modescope.tf.FloatList.$Properties|null);

                /** Feature int64List */
                int64List?: (modescope.tf.Int64List.$Properties|null);

                /** Feature kind */
                kind?: ("bytesList"|"floatList"|"int64List");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Feature. */
            type $Shape = {
              bytesList?: modescope.tf.BytesList.$Shape|null;
              floatList?: modescope.tf.FloatList.$Shape|null;
              int64List?: modescope.tf.Int64List.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; bytesList?: null; floatList?: null; int64List?: null }|{ kind?: "bytesList"; bytesList: modescope.tf.BytesList.$Shape; floatList?: null; int64List?: null }|{ kind?: "floatList"; bytesList?: null; floatList: modescope.tf.FloatList.$Shape; int64List?: null }|{ kind?: "int64List"; bytesList?: null; floatList?: null; int64List: modescope.tf.Int64List.$Shape })
            );
        }

        /**
         * Properties of a Features.
         * @deprecated Use modescope.tf.Features.$Properties instead.
         */
        interface IFeatures extends modescope.tf.Features.$Properties {
        }

        /** Represents a Features. */
        class Features {

            /**
             * Constructs a new Features.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.Features.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Features feature. */
            feature: { [k: string]: modescope.tf.Feature.$Properties };

            /**
             * Creates a new Features instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Features instance
             */
            static create(properties: modescope.tf.Features.$Shape): modescope.tf.Features & modescope.tf.Features.$Shape;
            static create(properties?: modescope.tf.Features.$Properties): modescope.tf.Features;

            /**
             * Encodes the specified Features message. Does not implicitly {@link modescope.tf.Features.verify|verify} messages.
             * @param m Features message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.Features.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Features message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.Features & modescope.tf.Features.$Shape} Features
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.Features & modescope.tf.Features.$Shape;

            /**
             * Gets the type url for Features
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Features {

            /** Properties of a Features. */
            interface $Properties {

                /** Features feature */
                feature?: ({ [k: string]: modescope.tf.Feature.$Properties }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Features. */
            type $Shape = {
              feature?: { [k: string]: modescope.tf.Feature.$Shape }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an Example.
         * @deprecated Use modescope.tf.Example.$Properties instead.
         */
        interface IExample extends modescope.tf.Example.$Properties {
        }

        /** Represents an Example. */
        class Example {

            /**
             * Constructs a new Example.
             * @param [p] Properties to set
             */
            constructor(p?: modescope.tf.Example.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Example features. */
            features?: (modescope.tf.Features.$Properties|null);

            /**
             * Creates a new Example instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Example instance
             */
            static create(properties: modescope.tf.Example.$Shape): modescope.tf.Example & modescope.tf.Example.$Shape;
            static create(properties?: modescope.tf.Example.$Properties): modescope.tf.Example;

            /**
             * Encodes the specified Example message. Does not implicitly {@link modescope.tf.Example.verify|verify} messages.
             * @param m Example message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: modescope.tf.Example.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Example message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {modescope.tf.Example & modescope.tf.Example.$Shape} Example
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): modescope.tf.Example & modescope.tf.Example.$Shape;

            /**
             * Gets the type url for Example
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Example {

            /** Properties of an Example. */
            interface $Properties {

                /** Example features */
                features?: (modescope.tf.Features.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Example. */
            type $Shape = {
              features?: modescope.tf.Features.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }
    }
}
